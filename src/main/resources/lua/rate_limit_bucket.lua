-- rate_limit_bucket.lua: token bucket for the per-client rate limit, on Redis's clock.
--
-- KEYS[1]  bucket hash, e.g. ratelimit:<client address>; fields:
--            tokens  tokens left (a decimal number, may be fractional)
--            ts      Redis time in milliseconds of the last refill
-- ARGV[1]  capacity in tokens; a positive number
-- ARGV[2]  refill in tokens per second; a positive number
-- ARGV[3]  tokens requested (1); zero or more
--
-- Same bucket as admission_bucket.lua, but "now" is Redis TIME in milliseconds, so gateway
-- pods with skewed clocks agree. A missing bucket starts full; refill = elapsed ms * rate / 1000,
-- capped at capacity; elapsed time is never negative. The key expires after
-- ceil(capacity / refill) * 2 seconds.
-- TIME before a write is allowed because scripts replicate their effects, not the script:
-- the default since Redis 5 and the only mode in Redis 7, so this works on 6.2 and 7.x alike.
--
-- Returns: {allowed, remaining}: allowed 1 when the tokens were taken, else 0 (and nothing
--          is taken); remaining = tokens left after this call, floored to an integer.
-- Errors:  an error reply naming the argument when one is not a number or out of range.
-- Keep the bucket arithmetic the same as admission_bucket.lua's.

local capacity = tonumber(ARGV[1])
local refill_per_sec = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
if capacity == nil or capacity <= 0 then
  return redis.error_reply('ERR rate_limit_bucket.lua: ARGV[1] capacity must be a positive number')
end
if refill_per_sec == nil or refill_per_sec <= 0 then
  return redis.error_reply('ERR rate_limit_bucket.lua: ARGV[2] refill per second must be a positive number')
end
if requested == nil or requested < 0 then
  return redis.error_reply('ERR rate_limit_bucket.lua: ARGV[3] requested must be a number >= 0')
end

local time = redis.call('TIME')
local now_millis = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local last_millis = tonumber(state[2])
if tokens == nil or last_millis == nil then
  tokens = capacity
  last_millis = now_millis
end

local elapsed_millis = math.max(0, now_millis - last_millis)
tokens = math.min(capacity, tokens + elapsed_millis * refill_per_sec / 1000)

local allowed = 0
if tokens >= requested then
  tokens = tokens - requested
  allowed = 1
end

redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
  'ts', string.format('%.17g', math.max(last_millis, now_millis)))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / refill_per_sec) * 2)
return {allowed, math.floor(tokens)}
