-- wrk script: each connection sends one request, then waits DELAY_MS, so C connections give about
-- C * 1000 / (DELAY_MS + latency) requests per second (plain wrk has no fixed-rate mode).
-- Each request is a random line of the file PATHS (one path per line; bench/load.sh writes them
-- from the store, so every path names an article and versions that exist).
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local file = os.getenv("PATHS")
local paths = {}
local counter = 0

for line in io.lines(file) do
  paths[#paths + 1] = line
end

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed * 7919 + os.time())
end

function request()
  return wrk.format("GET", paths[math.random(1, #paths)])
end

function delay()
  return pause
end
