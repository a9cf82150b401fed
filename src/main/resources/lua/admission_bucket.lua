-- admission_bucket.lua: token bucket for admissions, on the caller's clock.
--
-- KEYS[1]  bucket hash, e.g. admission:bucket:<evt>; fields:
--            tokens  tokens left (a decimal number, may be fractional)
--            ts      caller time in seconds of the last refill (decimal)
-- ARGV[1]  capacity in tokens (the gateway uses 500); a positive number
-- ARGV[2]  refill in tokens per second (the gateway uses 50); a positive number
-- ARGV[3]  now in seconds from the caller's clock, may be fractional ("1764063300.250")
-- ARGV[4]  tokens requested (1); zero or more
--
-- A missing bucket starts full. Refill = elapsed seconds * refill rate, capped at capacity.
-- Elapsed time is never negative: when the caller's clock goes backwards nothing is added,
-- and ts keeps the later time so the same interval is not refilled twice.
-- The key expires after ceil(capacity / refill) * 2 seconds: by then an untouched bucket
-- would be full again, so dropping it changes nothing.
--
-- Returns: {allowed, remaining}: allowed 1 when the tokens were taken, else 0 (and nothing
--          is taken); remaining = tokens left after this call, floored to an integer.
-- Errors:  an error reply naming the argument when one is not a number or out of range.
-- Keep the bucket arithmetic the same as rate_limit_bucket.lua's.

local capacity = tonumber(ARGV[1])
local refill_per_sec = tonumber(ARGV[2])
local now_sec = tonumber(ARGV[3])
local requested = tonumber(ARGV[4])
if capacity == nil or capacity <= 0 then
  return redis.error_reply('ERR admission_bucket.lua: ARGV[1] capacity must be a positive number')
end
if refill_per_sec == nil or refill_per_sec <= 0 then
  return redis.error_reply('ERR admission_bucket.lua: ARGV[2] refill per second must be a positive number')
end
if now_sec == nil then
  return redis.error_reply('ERR admission_bucket.lua: ARGV[3] now must be a number of seconds')
end
if requested == nil or requested < 0 then
  return redis.error_reply('ERR admission_bucket.lua: ARGV[4] requested must be a number >= 0')
end

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local last_sec = tonumber(state[2])
if tokens == nil or last_sec == nil then
  tokens = capacity
  last_sec = now_sec
end

local elapsed_sec = math.max(0, now_sec - last_sec)
tokens = math.min(capacity, tokens + elapsed_sec * refill_per_sec)

local allowed = 0
if tokens >= requested then
  tokens = tokens - requested
  allowed = 1
end

-- %.17g keeps a double exactly; tostring would round to 14 digits and lose milliseconds.
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
  'ts', string.format('%.17g', math.max(last_sec, now_sec)))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / refill_per_sec) * 2)
return {allowed, math.floor(tokens)}
