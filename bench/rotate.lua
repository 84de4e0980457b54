-- wrk script for bench/cache.sh: GET /store/{id} over a run of store ids, each connection taking
-- them in turn from a random start. Arguments (after --): the first id, how many ids, then
-- optionally one ETag per id, sent in If-None-Match (the conditional variant).
local first, count, etags
local turn = 0

function init(args)
  first, count = tonumber(args[1]), tonumber(args[2])
  if args[3] then
    etags = {}
    for i = 0, count - 1 do etags[i] = args[3 + i] end
  end
  turn = math.random(count) - 1
end

function request()
  turn = (turn + 1) % count
  if etags then
    return wrk.format("GET", "/store/" .. (first + turn), { ["If-None-Match"] = etags[turn] })
  end
  return wrk.format("GET", "/store/" .. (first + turn))
end
