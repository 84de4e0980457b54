-- wrk script for bench/login-flood.sh: POST /login with valid credentials (arguments after --:
-- username, password) and a count of the answers by status, printed at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"username":"' .. args[1] .. '","password":"' .. args[2] .. '"}'
  statuses = {}
end

function response(status, headers)
  local key = tostring(status)
  if status == 429 or status == 503 then
    key = key .. (headers["Retry-After"] and " (Retry-After)" or " (no Retry-After)")
  end
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. ": " .. count)
  end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, ", ") .. "\n")
end
