-- Records a published decision: ESCALATE moves the item to the leads' lane, any other action closes
-- it. Only the lease holder may decide. ARGV[3] item id, ARGV[4] user, ARGV[5] action,
-- ARGV[6] the decision (contract JSON), ARGV[7] retention seconds.
-- Returns {'DECIDED' | 'ESCALATED', ''} or {error, detail}.
local id, user, action, decision = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local retention = tonumber(ARGV[7])
local before = snapshot(id)
if not before then return {'NOT_FOUND', ''} end
if before.state ~= 'CLAIMED' then return {'NOT_CLAIMED', before.state} end
if before.holder ~= user then return {'NOT_HOLDER', before.holder or ''} end
redis.call('ZREM', P .. 'leases', id)
redis.call('HSET', item_key(id), 'decision', decision)
if action == 'ESCALATE' and before.lane ~= 'ESCALATED' then
  redis.call('HSET', item_key(id), 'state', 'OPEN', 'lane', 'ESCALATED', 'updatedAt', NOW_S)
  redis.call('HDEL', item_key(id), 'holder', 'leaseUntil', 'claimedAt')
  enqueue_waiting(id)
  audit(user, 'ESCALATED', id, nil, before, snapshot(id), decision)
  return {'ESCALATED', ''}
end
close_item(id, 'DECIDED', action, user, decision, retention)
return {'DECIDED', ''}
