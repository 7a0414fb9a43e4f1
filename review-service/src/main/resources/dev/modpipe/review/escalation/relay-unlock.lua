-- Releases the relay lock ARGV[4] if this instance (ARGV[5]) holds it.
if redis.call('GET', ARGV[4]) == ARGV[5] then return redis.call('DEL', ARGV[4]) end
return 0
