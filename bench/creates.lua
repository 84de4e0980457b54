-- wrk script for bench/idempotency.sh: POST /item, each request a new item (arguments after --:
-- store id, access token, and "key" to send a new Idempotency-Key with each request, or "none").
local counter = 0
local prefix

function init(args)
  store_id, token, with_key = args[1], args[2], args[3] == "key"
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}
  if with_key then
    headers["Idempotency-Key"] = prefix .. "-" .. counter
  end
  local body = '{"name":"bench ' .. prefix .. ' ' .. counter .. '","price":1.5,"store_id":' .. store_id .. '}'
  return wrk.format("POST", "/item", headers, body)
end
