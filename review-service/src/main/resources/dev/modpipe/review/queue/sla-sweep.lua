-- Marks open items whose SLA ended as breached, once each, and returns their classes.
-- ARGV[3] the most items to mark in one run.
local ids = redis.call('ZRANGEBYSCORE', P .. 'sla', '-inf', NOW_S, 'LIMIT', 0, tonumber(ARGV[3]))
local classes = {}
for _, id in ipairs(ids) do
  redis.call('ZREM', P .. 'sla', id)
  local before = snapshot(id)
  if before and (before.state == 'OPEN' or before.state == 'CLAIMED') and not before.breached then
    redis.call('HSET', item_key(id), 'breached', '1')
    audit('system', 'SLA_BREACHED', id, nil, before, snapshot(id),
      'past the ' .. before.class .. ' SLA; it now ranks above items within their SLA')
    classes[#classes + 1] = before.class
  end
end
return classes
