-- wrk script for bench/container.sh: anonymous catalog reads spread over the seeded data.
-- Arguments (after --): first store id, first item id, store count, items per store.
local first_store, first_item, stores, items

function init(args)
  first_store, first_item = tonumber(args[1]), tonumber(args[2])
  stores, items = tonumber(args[3] or 50), tonumber(args[4] or 20)
end

function request()
  local roll = math.random(100)
  local store = first_store + math.random(stores) - 1
  if roll <= 45 then
    return wrk.format("GET", "/store/" .. store)
  elseif roll <= 80 then
    return wrk.format("GET", "/item/" .. (first_item + math.random(stores * items) - 1))
  elseif roll <= 90 then
    return wrk.format("GET", "/store/" .. store .. "/tag")
  elseif roll <= 97 then
    return wrk.format("GET", "/item?store_id=" .. store)
  else
    return wrk.format("GET", "/store")
  end
end
