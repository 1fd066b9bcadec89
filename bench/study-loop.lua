-- wrk script: the study loop of the mobile API. Each connection (one per wrk thread: run with -t N -c N) takes
-- its own slice of the learners' tokens and, learner after learner, answers cards of the deck. Three patterns:
--   one     (default) one request per answer: POST /api/v1/reviews?next=1&counts=false grades the card the
--           learner has and returns the next one; a session's first card comes from GET /api/v1/study/queue?limit=1
--   two     the older loop: GET /api/v1/study/queue?limit=1, then POST /api/v1/reviews with that one answer
--   In both, a connection stays with a learner for a session of 20 answers, then moves on to its next learner.
--   mobile  an offline app: GET /api/v1/study/queue?limit=20, answer the 20 cards on the device, then sync them
--           with one POST /api/v1/reviews of 20 answers
-- Usage: wrk -t64 -c64 -d60s --latency -s bench/study-loop.lua http://127.0.0.1:8080 -- tokens.txt 64 bench-deck [pause-ms] [pattern]
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
pattern = "one"           -- global: done() reads it from the threads
local batch_size = 20     -- mobile: cards per fetch and answers per sync
local session = 20        -- one and two: answers per learner before the connection moves on
local answered = 0        -- answers in the current session
local pending = nil       -- one and two: the question the current learner answers next
local fetched = nil      -- pattern mobile: the questions of the last fetch
local phase = "fetch"
graded = 0
empty = 0
failed = 0

function init(args)
   local file, count = args[1], tonumber(args[2])
   deck = args[3] or "bench-deck"
   pause_ms = tonumber(args[4] or "0")
   pattern = args[5] or "one"
   if pattern ~= "one" and pattern ~= "two" and pattern ~= "mobile" then
      error("pattern must be one, two or mobile, got " .. pattern)
   end
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
   -- each connection starts at a random learner of its slice: a run does not start with the learners the previous
   -- runs studied (a learner with nothing due left makes every answer a new card)
   math.randomseed(os.time() * 1000 + index)
   next_token = math.random(1, #tokens)
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

local function answer(question, seconds_ago)
   local rating = math.random(1, 100)
   rating = rating <= 10 and 1 or rating <= 22 and 2 or rating <= 92 and 3 or 4
   return string.format('{"clientReviewId":"%s","questionId":%s,"rating":%d,"reviewedAt":"%s","durationMs":%d}',
      uuid(), question, rating, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - seconds_ago), math.random(2000, 20000))
end

function request()
   local headers = { ["Authorization"] = "Bearer " .. tokens[next_token], ["Accept"] = "application/json" }
   if pattern == "mobile" then
      if phase == "fetch" then
         return wrk.format("GET", "/api/v1/study/queue?deck=" .. deck .. "&limit=" .. batch_size .. "&lang=en", headers)
      end
      local answers = {}
      for i, question in ipairs(fetched) do
         -- answered one after the other on the device (a second apart, so no answer predates the learner's last sync)
         answers[i] = answer(question, #fetched - i)
      end
      headers["Content-Type"] = "application/json"
      return wrk.format("POST", "/api/v1/reviews", headers, '{"reviews":[' .. table.concat(answers, ",") .. ']}')
   end
   local question = pending
   if question == nil then
      local counts = pattern == "one" and "&counts=false" or ""
      return wrk.format("GET", "/api/v1/study/queue?deck=" .. deck .. "&limit=1&lang=en" .. counts, headers)
   end
   headers["Content-Type"] = "application/json"
   local path = pattern == "one" and "/api/v1/reviews?next=1&counts=false&lang=en" or "/api/v1/reviews"
   return wrk.format("POST", path, headers, '{"reviews":[' .. answer(question, 0) .. ']}')
end

local function count_applied(body)
   local n = 0
   for _ in body:gmatch('"APPLIED"') do n = n + 1 end
   return n
end

function response(status, headers, body)
   if pattern == "mobile" then
      if phase == "fetch" then
         fetched = {}
         if status == 200 then
            for question in body:gmatch('"card":{"questionId":(%d+)') do table.insert(fetched, question) end
         end
         if #fetched > 0 then
            phase = "sync"
         else
            if status ~= 200 then failed = failed + 1 else empty = empty + 1 end
            next_learner()
         end
      else
         local applied = status == 200 and count_applied(body) or 0
         graded = graded + applied
         failed = failed + (#fetched - applied)
         phase = "fetch"
         next_learner()
      end
      return
   end
   if pending ~= nil then
      if status == 200 and body:find('"APPLIED"', 1, true) then
         graded = graded + 1
      else
         failed = failed + 1
      end
      pending = nil
      answered = answered + 1
      if answered >= session then
         answered = 0
         next_learner()
      elseif pattern == "one" and status == 200 then
         -- the card that came with the answer is this learner's next one
         local after = body:find('"next":', 1, true)
         pending = after and body:match('"card":{"questionId":(%d+)', after) or nil
         if pending == nil then
            answered = 0
            next_learner()
         end
      end
   else
      local question = status == 200 and body:match('"card":{"questionId":(%d+)')
      if question then
         pending = question -- graded by the next request
      else
         if status ~= 200 then failed = failed + 1 else empty = empty + 1 end
         answered = 0
         next_learner()
      end
   end
end

function done(summary, latency, requests)
   local g, e, f = 0, 0, 0
   local pattern = threads[1]:get("pattern")
   for _, t in ipairs(threads) do
      g = g + t:get("graded")
      e = e + t:get("empty")
      f = f + t:get("failed")
   end
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'STUDY-LOOP {"pattern":"%s","seconds":%.2f,"requests":%d,"graded":%d,"gradedPerSecond":%.1f,"requestsPerReview":%.2f,' ..
      '"emptyQueues":%d,"failed":%d,"socketErrors":%d,"non2xx":%d,"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxms":%.2f}\n',
      pattern, seconds, summary.requests, g, g / seconds, g > 0 and summary.requests / g or 0, e, f,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
