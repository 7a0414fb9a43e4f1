-- Counts an author's MODERATE posts in the window (each post once, however often it is redelivered).
-- ARGV[4] key suffix (platform:authorId), ARGV[5] post key, ARGV[6] receipt (ms), ARGV[7] window (ms).
-- Returns the number of distinct posts in the window.
local key = P .. 'author-moderate:' .. ARGV[4]
local window = tonumber(ARGV[7])
redis.call('ZADD', key, ARGV[6], ARGV[5])
redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. int(NOW - window))
redis.call('PEXPIRE', key, window)
return redis.call('ZCOUNT', key, int(NOW - window), '+inf')
