-- Records how an attempt went. ARGV[4] delivery id, ARGV[5] the attempt (a stale worker's answer
-- is ignored), ARGV[6] DELIVERED | RETRY | FAILED | SKIPPED, ARGV[7] next attempt (ms, RETRY),
-- ARGV[8] detail (never post text), ARGV[9] channel.
-- Returns {'FIRST', receivedAt, openedAt} for the alert's first notification, else {'OK'} / {'STALE'}.
local id, attempt, outcome = ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'delivery:' .. id
local d = redis.call('HMGET', key, 'alertId', 'target', 'kind', 'tier', 'attempt', 'state')
if not d[1] then
  redis.call('ZREM', P .. 'alert-deliveries', id)
  return {'STALE'}
end
if d[5] ~= attempt or d[6] ~= 'PENDING' then return {'STALE'} end
local entry = {target = d[2], kind = d[3], tier = tonumber(d[4]), attempt = tonumber(attempt), channel = ARGV[9]}
if ARGV[8] ~= '' then entry.detail = ARGV[8] end
if outcome == 'RETRY' then
  redis.call('ZADD', P .. 'alert-deliveries', ARGV[7], id)
  redis.call('HSET', key, 'lastError', ARGV[8])
  entry.event = 'DELIVERY_RETRY'
  alert_history(d[1], entry)
  return {'OK'}
end
redis.call('ZREM', P .. 'alert-deliveries', id)
redis.call('HSET', key, 'state', outcome, 'finishedAt', NOW_S)
entry.event = 'DELIVERY_' .. outcome
alert_history(d[1], entry)
if outcome == 'DELIVERED' and d[3] == 'TRIGGER' then
  local akey = alert_key(d[1])
  redis.call('SADD', akey .. ':notified', d[2])
  if redis.call('HSETNX', akey, 'notifiedAt', NOW_S) == 1 then
    local t = redis.call('HMGET', akey, 'receivedAt', 'openedAt')
    return {'FIRST', t[1] or '', t[2] or ''}
  end
end
return {'OK'}
