-- wrk script for bench/container.sh: a login flood with valid credentials (arguments after --:
-- username, password), each request an Argon2id hash.
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"username":"' .. args[1] .. '","password":"' .. args[2] .. '"}'
end
