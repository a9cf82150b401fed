-- seat_release.lua: release a seat, only by the reservation that holds it.
--
-- KEYS[1]  seat key
-- ARGV[1]  reservation token
--
-- Returns: integer 1 when KEYS[1] held ARGV[1] and was deleted;
--          integer 0 otherwise (free, expired, or held by another token: nothing changes).

if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
