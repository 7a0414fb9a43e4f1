-- Acknowledges, resolves or cancels an alert: stops its timer, tells the targets already notified
-- (acknowledge / resolve), records history, event and audit entry.
-- ARGV[4] alert id, ARGV[5] ACK | RESOLVE | CANCEL, ARGV[6] by (user or 'system'), ARGV[7] reason.
-- Returns {'OK' | 'UNCHANGED' | 'CONFLICT' | 'NOT_FOUND', state}.
local id, action, by, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local key = alert_key(id)
local a = redis.call('HMGET', key, 'state', 'itemId', 'postKey')
if not a[1] then return {'NOT_FOUND', ''} end
local state = a[1]
local terminal = state == 'RESOLVED' or state == 'CANCELLED'
local new, kind
if action == 'ACK' then
  if state == 'ACKED' then return {'UNCHANGED', state} end
  if terminal then return {'CONFLICT', state} end
  new, kind = 'ACKED', 'ACKNOWLEDGE'
  redis.call('HSET', key, 'ackedAt', NOW_S, 'ackedBy', by)
elseif action == 'RESOLVE' then
  if state == 'RESOLVED' then return {'UNCHANGED', state} end
  if terminal then return {'CONFLICT', state} end
  new, kind = 'RESOLVED', 'RESOLVE'
  redis.call('HSET', key, 'resolvedAt', NOW_S, 'resolvedBy', by)
else
  if terminal then return {'UNCHANGED', state} end
  new, kind = 'CANCELLED', 'RESOLVE'
  redis.call('HSET', key, 'cancelledAt', NOW_S, 'cancelReason', reason)
end
local before = alert_snapshot(id)
redis.call('HSET', key, 'state', new, 'updatedAt', NOW_S)
redis.call('HDEL', key, 'dueAt')
redis.call('ZREM', P .. 'alert-timers', id)
local step = redis.call('HMGET', key, 'tier', 'pass')
local notified = redis.call('SMEMBERS', key .. ':notified')
add_deliveries(id, notified, kind, tonumber(step[1]), tonumber(step[2]))
if new ~= 'ACKED' then
  -- a closed alert (and its indexes) is kept for the retention period, then forgotten
  redis.call('EXPIRE', key, ALERT_RETENTION)
  redis.call('EXPIRE', key .. ':history', ALERT_RETENTION)
  redis.call('EXPIRE', key .. ':notified', ALERT_RETENTION)
  redis.call('EXPIRE', P .. 'alert:item:' .. a[2], ALERT_RETENTION)
  redis.call('EXPIRE', P .. 'alert:post:' .. a[3], ALERT_RETENTION)
end
alert_history(id, {event = new, detail = reason ~= '' and reason or by})
alert_event(id, by)
audit(by, 'ALERT_' .. new, a[2], id, before, alert_snapshot(id), reason)
return {'OK', new}
