-- Adds article hashes to a story (first ingestion order kept) and refreshes its fingerprint.
-- KEYS: story articles (zset), story sequence, story fingerprint (one story's slot on a cluster)
-- ARGV: hash...
-- Returns: { added, total, fingerprint }
local added = 0
for i = 1, #ARGV do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) == false then
    local seq = redis.call('INCR', KEYS[2])
    redis.call('ZADD', KEYS[1], seq, ARGV[i])
    added = added + 1
  end
end
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
-- Same formula as fingerprintOf() in article-hash.ts: sha1 of the hashes in order, one per line.
local fingerprint = redis.sha1hex(table.concat(members, '\n'))
redis.call('SET', KEYS[3], fingerprint)
return { added, #members, fingerprint }
