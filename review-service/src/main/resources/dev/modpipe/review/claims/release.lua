-- Returns a claimed item to its lane. ARGV[3] item id, ARGV[4] user, ARGV[5] '1' when a lead
-- releases someone else's claim. Returns {'OK'} or {error, detail}.
local id, user, force = ARGV[3], ARGV[4], ARGV[5] == '1'
local before = snapshot(id)
if not before then return {'NOT_FOUND', ''} end
if before.state ~= 'CLAIMED' then return {'NOT_CLAIMED', before.state} end
if before.holder ~= user and not force then return {'NOT_HOLDER', before.holder or ''} end
redis.call('ZREM', P .. 'leases', id)
redis.call('HSET', item_key(id), 'state', 'OPEN', 'updatedAt', NOW_S)
redis.call('HDEL', item_key(id), 'holder', 'leaseUntil', 'claimedAt')
enqueue_waiting(id)
local detail = ''
if before.holder ~= user then detail = 'released the claim of ' .. before.holder end
audit(user, 'RELEASED', id, nil, before, snapshot(id), detail)
return {'OK', ''}
