-- wrk script: each connection sends one request, then waits DELAY_MS, so C connections give about
-- C * 1000 / (DELAY_MS + latency) requests per second (plain wrk has no fixed-rate mode).
-- KIND=page requests the HTML diff page, KIND=api the JSON diff, of a random article among ARTICLES.
local articles = tonumber(os.getenv("ARTICLES") or "10000")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local kind = os.getenv("KIND") or "page"
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed * 7919 + os.time())
end

function request()
  local id = math.random(1, articles)
  local path
  if kind == "api" then
    path = "/api/articles/" .. id .. "/diff/0/2"
  else
    path = "/articles/" .. id .. "/diff/0/2"
  end
  return wrk.format("GET", path)
end

function delay()
  return pause
end
