-- Helpers of the alert scripts. ARGV[3] is the current time as ISO-8601 (for the events).
local NOW_ISO = ARGV[3]
local ALERT_RETENTION = 30 * 24 * 3600

local function alert_key(id) return P .. 'alert:' .. id end

local function alert_snapshot(id)
  local v = redis.call('HMGET', alert_key(id), 'state', 'tier', 'pass', 'risk', 'ackedBy', 'resolvedBy', 'cancelReason')
  if not v[1] then return nil end
  local s = {state = v[1], tier = v[2], pass = v[3], risk = v[4]}
  if v[5] then s.ackedBy = v[5] end
  if v[6] then s.resolvedBy = v[6] end
  if v[7] then s.cancelReason = v[7] end
  return s
end

-- the alert's own history (deliveries, retries, transitions), newest last
local function alert_history(id, entry)
  entry.at = NOW_S
  redis.call('RPUSH', alert_key(id) .. ':history', cjson.encode(entry))
  redis.call('LTRIM', alert_key(id) .. ':history', -500, -1)
end

-- queues the alert's current state as a CrisisAlertEvent in the outbox stream
local function alert_event(id, by)
  local a = redis.call('HMGET', alert_key(id), 'alertId', 'platform', 'postId', 'itemId', 'risk', 'state', 'tier', 'tierName')
  local e = {schemaVersion = 1, alertId = a[1], platform = a[2], postId = a[3], itemId = a[4], risk = a[5],
    state = a[6], tier = tonumber(a[7]), target = a[8], at = NOW_ISO}
  if by and by ~= '' then e.by = by end
  redis.call('XADD', P .. 'alert-events', '*', 'alertId', a[1], 'event', cjson.encode(e))
end

-- one delivery job per target, due now; ids name the step so a step is never queued twice
local function add_deliveries(id, targets, kind, tier, pass)
  for _, target in ipairs(targets) do
    local did = id .. ':' .. kind .. ':' .. pass .. ':' .. tier .. ':' .. target
    local key = P .. 'delivery:' .. did
    if redis.call('EXISTS', key) == 0 then
      redis.call('HSET', key, 'deliveryId', did, 'alertId', id, 'target', target, 'kind', kind, 'tier', tostring(tier),
        'pass', tostring(pass), 'attempt', '0', 'state', 'PENDING', 'createdAt', NOW_S)
      redis.call('EXPIRE', key, ALERT_RETENTION)
      redis.call('ZADD', P .. 'alert-deliveries', NOW, did)
    end
  end
end
