-- Appends a question and its answer to a thread once per turn id, so a resent or retried append
-- (ioredis resends unanswered commands after a reconnect) stores nothing twice.
-- KEYS: turns (list), turn ids (list, trimmed with the turns), thread link
-- ARGV: turn id, turn (JSON), turns kept, ttl seconds
-- Returns 1 when appended, 0 when the turn id was already there.
if redis.call('LPOS', KEYS[2], ARGV[1]) then return 0 end
local kept = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('LTRIM', KEYS[1], -kept, -1)
-- The ids are never more than the turns (older threads have turns without ids), so trimming both
-- to the same window keeps each id beside its turn.
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -kept, -1)
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('EXPIRE', KEYS[3], ttl)
return 1
