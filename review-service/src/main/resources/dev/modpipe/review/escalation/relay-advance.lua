-- Marks outbox events up to ARGV[6] as published, if this instance (ARGV[5]) still holds the relay
-- lock (ARGV[4]). Returns 1 when recorded.
if redis.call('GET', ARGV[4]) ~= ARGV[5] then return 0 end
redis.call('SET', P .. 'alert-events:published', ARGV[6])
return 1
