-- wrk script: the study loop of the mobile API. Each connection (one per wrk thread: run with -t N -c N) takes
-- its own slice of the learners' tokens and, learner after learner, fetches the next card of the deck
-- (GET /api/v1/study/queue?limit=1) and grades it (POST /api/v1/reviews with a fresh clientReviewId).
-- Usage: wrk -t64 -c64 -d60s --latency -s bench/study-loop.lua http://127.0.0.1:8080 -- tokens.txt 64 bench-deck [pause-ms]
-- pause-ms: each connection waits that long before every request (a paced load, for the soak test)
-- Prints one JSON line at the end (prefixed "STUDY-LOOP ") with graded answers and failures.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local tokens = {}
local next_token = 1
local deck
local pause_ms = 0
local pending_question = nil
local phase = "fetch"
graded = 0
empty = 0
failed = 0

function init(args)
   local file, count = args[1], tonumber(args[2])
   deck = args[3] or "bench-deck"
   pause_ms = tonumber(args[4] or "0")
   if pause_ms <= 0 then
      delay = nil -- unpaced: no timer per request
   end
   local line_no = 0
   for line in io.lines(file) do
      if line_no % count == index then
         table.insert(tokens, line)
      end
      line_no = line_no + 1
   end
   if #tokens == 0 then
      error("no tokens for thread " .. index .. " in " .. file)
   end
   -- each connection starts at a different learner of its slice
   next_token = 1 + (index * 7919) % #tokens
   math.randomseed(os.time() * 1000 + index)
end

local function uuid()
   return string.format("%08x-%04x-4%03x-%04x-%06x%06x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
      math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffffff), math.random(0, 0xffffff))
end

local function next_learner()
   next_token = next_token % #tokens + 1
end

function delay()
   return pause_ms
end

function request()
   local headers = { ["Authorization"] = "Bearer " .. tokens[next_token], ["Accept"] = "application/json" }
   if phase == "fetch" then
      return wrk.format("GET", "/api/v1/study/queue?deck=" .. deck .. "&limit=1&lang=en", headers)
   end
   headers["Content-Type"] = "application/json"
   local rating = math.random(1, 100)
   rating = rating <= 10 and 1 or rating <= 22 and 2 or rating <= 92 and 3 or 4
   local body = string.format(
      '{"reviews":[{"clientReviewId":"%s","questionId":%s,"rating":%d,"reviewedAt":"%s","durationMs":%d}]}',
      uuid(), pending_question, rating, os.date("!%Y-%m-%dT%H:%M:%SZ"), math.random(2000, 20000))
   return wrk.format("POST", "/api/v1/reviews", headers, body)
end

function response(status, headers, body)
   if phase == "fetch" then
      local question = status == 200 and body:match('"questionId":(%d+)')
      if question then
         pending_question = question
         phase = "grade"
      else
         if status ~= 200 then failed = failed + 1 else empty = empty + 1 end
         next_learner()
      end
   else
      if status == 200 and body:find('"APPLIED"', 1, true) then
         graded = graded + 1
      else
         failed = failed + 1
      end
      phase = "fetch"
      next_learner()
   end
end

function done(summary, latency, requests)
   local g, e, f = 0, 0, 0
   for _, t in ipairs(threads) do
      g = g + t:get("graded")
      e = e + t:get("empty")
      f = f + t:get("failed")
   end
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'STUDY-LOOP {"seconds":%.2f,"requests":%d,"graded":%d,"gradedPerSecond":%.1f,"emptyQueues":%d,' ..
      '"failed":%d,"socketErrors":%d,"non2xx":%d,"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxms":%.2f}\n',
      seconds, summary.requests, g, g / seconds, e, f,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
