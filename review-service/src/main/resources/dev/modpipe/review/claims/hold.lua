-- Checks that a user holds a live lease on an item before a decision is published, and extends
-- the lease so that it cannot end while Kafka is being written. ARGV[3] item id, ARGV[4] user,
-- ARGV[5] the least time the lease must still run (millis). Returns {'OK', hash...} or {error, detail}.
local id, user, extendMs = ARGV[3], ARGV[4], tonumber(ARGV[5])
local before = snapshot(id)
if not before then return {'NOT_FOUND', ''} end
if before.state ~= 'CLAIMED' then return {'NOT_CLAIMED', before.state} end
if before.holder ~= user then return {'NOT_HOLDER', before.holder or ''} end
local leaseUntil = tonumber(before.leaseUntil)
if leaseUntil <= NOW then return {'LEASE_EXPIRED', before.holder} end
if leaseUntil < NOW + extendMs then
  leaseUntil = NOW + extendMs
  redis.call('HSET', item_key(id), 'leaseUntil', int(leaseUntil))
  redis.call('ZADD', P .. 'leases', leaseUntil, id)
end
local reply = {'OK'}
for _, v in ipairs(redis.call('HGETALL', item_key(id))) do reply[#reply + 1] = v end
return reply
