-- Opens the crisis alert of a review item, at most once per item, and queues tier 1's notifications.
-- ARGV[4] the alert (JSON: alertId, itemId, platform, postId, postKey, risk, riskOrd, receivedAt,
-- authorKey, evidence, tierName, due, targets[], actor).
-- Returns {'OPENED' | 'EXISTS' | 'RAISED', alertId}.
local a = cjson.decode(ARGV[4])
local byItem = P .. 'alert:item:' .. a.itemId
local existing = redis.call('GET', byItem)
if existing then
  -- a later revision with a higher risk raises the alert's risk; nobody is notified twice
  local cur = redis.call('HMGET', alert_key(existing), 'riskOrd', 'state')
  if cur[1] and tonumber(a.riskOrd) > tonumber(cur[1]) and cur[2] ~= 'RESOLVED' and cur[2] ~= 'CANCELLED' then
    local before = alert_snapshot(existing)
    redis.call('HSET', alert_key(existing), 'risk', a.risk, 'riskOrd', a.riskOrd, 'updatedAt', NOW_S)
    alert_history(existing, {event = 'RISK_RAISED', detail = a.risk})
    alert_event(existing, '')
    audit(a.actor, 'ALERT_RISK_RAISED', a.itemId, existing, before, alert_snapshot(existing), a.risk)
    return {'RAISED', existing}
  end
  return {'EXISTS', existing}
end
local id = a.alertId
local key = alert_key(id)
redis.call('HSET', key, 'alertId', id, 'itemId', a.itemId, 'platform', a.platform, 'postId', a.postId,
  'postKey', a.postKey, 'risk', a.risk, 'riskOrd', a.riskOrd, 'state', 'OPEN', 'tier', '1', 'pass', '0',
  'tierName', a.tierName, 'openedAt', NOW_S, 'receivedAt', a.receivedAt, 'authorKey', a.authorKey,
  'evidence', a.evidence, 'dueAt', a.due, 'updatedAt', NOW_S)
redis.call('SET', byItem, id)
redis.call('SADD', P .. 'alert:post:' .. a.postKey, id)
redis.call('ZADD', P .. 'alerts', NOW, id)
redis.call('ZADD', P .. 'alert-timers', a.due, id)
add_deliveries(id, a.targets, 'TRIGGER', 1, 0)
alert_history(id, {event = 'OPENED', tier = 1, detail = a.tierName})
alert_event(id, '')
audit(a.actor, 'ALERT_OPENED', a.itemId, id, nil, alert_snapshot(id), 'tier 1 (' .. a.tierName .. ') notified')
return {'OPENED', id}
