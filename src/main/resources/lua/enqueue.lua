-- enqueue.lua: accept a join once per dedupe key, atomically.
--
-- KEYS[1]  dedupe key, e.g. dedupe:{evt}:<idempotency key or user id>
-- KEYS[2]  the user's stream, e.g. stream:event:{evt}:user:<user id>
--          (both keys carry the same {evt} hash tag, so they share a cluster slot)
-- ARGV[1]  dedupe TTL in seconds (the gateway uses 300)
-- ARGV[2..] stream entry field/value pairs: field1, value1, field2, value2, ...
--
-- Returns: integer 0 when KEYS[1] exists (a duplicate join: nothing is written);
--          otherwise the new stream entry id as a bulk string (e.g. "1764063300250-0"),
--          after XADD KEYS[2] * <fields> and SETEX KEYS[1] ARGV[1] <entry id>.
-- Errors:  an error reply when ARGV[2..] is empty or not field/value pairs.

if #ARGV < 3 or (#ARGV - 1) % 2 ~= 0 then
  return redis.error_reply('ERR enqueue.lua: ARGV[2..] must be stream field/value pairs, got '
    .. (#ARGV - 1) .. ' values')
end

if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end

local entry_id = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
redis.call('SETEX', KEYS[1], ARGV[1], entry_id)
return entry_id
