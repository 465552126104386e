-- Marks a day done and records what its digest delivered, in one step.
-- KEYS: day marker, delivered claims, delivered sentence refs, delivered disagreements, history
-- ARGV: history entry (JSON), ttl seconds, history length, #claims, #refs, then claims, refs, signatures
-- Returns 1 when recorded, 0 when the day was already done.
if redis.call('HGET', KEYS[1], 'state') == 'done' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'done')
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
local claims = tonumber(ARGV[4])
local refs = tonumber(ARGV[5])
local first = 6
for i = first, first + claims - 1 do redis.call('SADD', KEYS[2], ARGV[i]) end
for i = first + claims, first + claims + refs - 1 do redis.call('SADD', KEYS[3], ARGV[i]) end
for i = first + claims + refs, #ARGV do redis.call('SADD', KEYS[4], ARGV[i]) end
redis.call('LPUSH', KEYS[5], ARGV[1])
redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[3]) - 1)
return 1
