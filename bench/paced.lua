-- wrk script for bench/pages.sh's half load: each connection waits PACE_MS milliseconds after each
-- answer before its next request (wrk has no fixed request rate; wrk2, which has, is not packaged here).
local pace = tonumber(os.getenv("PACE_MS") or "10")

function delay()
  return pace
end
