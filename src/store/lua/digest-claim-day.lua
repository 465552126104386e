-- Claims a subscription's local day for one digest job.
-- KEYS: day marker (hash)   ARGV: owner (job id), ttl seconds
-- Returns 'claimed' (new, or the same owner again), 'taken' (another owner) or 'done'.
local state = redis.call('HGET', KEYS[1], 'state')
if state == false then
  redis.call('HSET', KEYS[1], 'state', 'claimed', 'owner', ARGV[1])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 'claimed'
end
if state == 'done' then return 'done' end
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then return 'claimed' end
return 'taken'
