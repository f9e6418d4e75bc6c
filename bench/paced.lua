-- wrk script for bench/pages.sh's half load: each connection waits a random time after each answer,
-- exponentially distributed around PACE_MS milliseconds, before its next request. Fixed waits would make
-- the connections fire in step (bursts the server queues); random ones make arrivals like visitors',
-- close to a fixed-rate open loop (wrk has no fixed request rate; wrk2, which has, is not packaged here).
local pace = tonumber(os.getenv("PACE_MS") or "10")

function init()
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)
end

function delay()
  return math.floor(-math.log(1 - math.random()) * pace + 0.5)
end
