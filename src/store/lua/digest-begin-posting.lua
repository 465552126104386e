-- Moves a day to 'posting' just before the chat post.
-- KEYS: day marker   ARGV: ttl seconds, attempt token (new for every call, the same in a resend)
-- Returns 'post', 'done', or 'interrupted' (a previous attempt stopped between post and record).
-- The token tells this call resent after a reconnect (go ahead) from a later attempt (interrupted).
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'done' then return 'done' end
if state == 'posting' then
  if redis.call('HGET', KEYS[1], 'attempt') == ARGV[2] then return 'post' end
  return 'interrupted'
end
redis.call('HSET', KEYS[1], 'state', 'posting', 'attempt', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return 'post'
