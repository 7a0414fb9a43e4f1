-- Moves an alert whose ack timeout passed to its next step, once: the step is compared and set
-- atomically, so on several instances exactly one escalates and queues the notifications.
-- ARGV[4] alert id, ARGV[5] expected tier, ARGV[6] expected pass, ARGV[7] next tier ('' when the
-- policy is exhausted), ARGV[8] next pass, ARGV[9] next tier's name, ARGV[10] next due (ms),
-- ARGV[11] next tier's targets (JSON array).
-- Returns {'ESCALATED' | 'EXHAUSTED' | 'SKIPPED' | 'GONE'}.
local id = ARGV[4]
local key = alert_key(id)
local a = redis.call('HMGET', key, 'state', 'tier', 'pass', 'itemId')
if not a[1] then
  redis.call('ZREM', P .. 'alert-timers', id)
  return {'GONE'}
end
if (a[1] ~= 'OPEN' and a[1] ~= 'ESCALATED') or a[2] ~= ARGV[5] or a[3] ~= ARGV[6] then return {'SKIPPED'} end
local due = redis.call('ZSCORE', P .. 'alert-timers', id)
if not due or tonumber(due) > NOW then return {'SKIPPED'} end
local before = alert_snapshot(id)
if ARGV[7] == '' then
  redis.call('ZREM', P .. 'alert-timers', id)
  redis.call('HSET', key, 'exhausted', '1', 'updatedAt', NOW_S)
  redis.call('HDEL', key, 'dueAt')
  alert_history(id, {event = 'EXHAUSTED', tier = tonumber(a[2]), detail = 'no tier acknowledged; the policy is exhausted'})
  audit('system', 'ALERT_EXHAUSTED', a[4], id, before, alert_snapshot(id), 'no tier acknowledged')
  return {'EXHAUSTED'}
end
redis.call('HSET', key, 'state', 'ESCALATED', 'tier', ARGV[7], 'pass', ARGV[8], 'tierName', ARGV[9],
  'escalatedAt', NOW_S, 'dueAt', ARGV[10], 'updatedAt', NOW_S)
redis.call('ZADD', P .. 'alert-timers', ARGV[10], id)
add_deliveries(id, cjson.decode(ARGV[11]), 'TRIGGER', tonumber(ARGV[7]), tonumber(ARGV[8]))
alert_history(id, {event = 'ESCALATED', tier = tonumber(ARGV[7]), detail = ARGV[9]})
alert_event(id, '')
audit('system', 'ALERT_ESCALATED', a[4], id, before, alert_snapshot(id),
  'not acknowledged; tier ' .. ARGV[7] .. ' (' .. ARGV[9] .. ') notified')
return {'ESCALATED'}
