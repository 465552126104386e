-- Moves a day to 'posting' just before the chat post.
-- KEYS: day marker   ARGV: ttl seconds
-- Returns 'post', 'done', or 'interrupted' (a previous attempt stopped between post and record).
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'done' then return 'done' end
if state == 'posting' then return 'interrupted' end
redis.call('HSET', KEYS[1], 'state', 'posting')
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return 'post'
