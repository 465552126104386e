-- The post certainly failed: a day still in 'posting' goes back to 'claimed' so a retry may post.
-- KEYS: day marker
if redis.call('HGET', KEYS[1], 'state') == 'posting' then
  redis.call('HSET', KEYS[1], 'state', 'claimed')
end
return 1
