-- seat_hold.lua: hold a seat for one reservation, or extend that reservation's hold.
--
-- KEYS[1]  seat key
-- ARGV[1]  reservation token
-- ARGV[2]  hold TTL in seconds (a positive integer)
--
-- Returns: integer 1 when the seat was free or already held by ARGV[1]; the seat is then
--          SET to ARGV[1] with EX ARGV[2] (a renewal restarts the TTL);
--          integer 0 when another token holds it (nothing changes).

local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
  return 1
end
return 0
