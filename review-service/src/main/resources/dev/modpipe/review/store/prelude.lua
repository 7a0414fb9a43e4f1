-- Shared helpers, prepended to every script of review-service.
-- ARGV[1] is the key prefix, ARGV[2] the current time in epoch milliseconds.
-- Key names must agree with dev.modpipe.review.store.RedisKeys.
local P = ARGV[1]
local NOW = tonumber(ARGV[2])
local NOW_S = ARGV[2]
local RANKS = {IMMINENT = 0, HIGH = 1, THREAT = 2, SELF_HARM = 3, HARMFUL = 4, MISINFORMATION = 5}
-- escalated lane score: rank * BAND + receivedAt millis (ranks stay apart for any date before 2286)
local BAND = 10000000000000

local function int(x) return string.format('%d', x) end
local function item_key(id) return P .. 'item:' .. id end
local function waiting_key(class) return P .. 'waiting:' .. class end

-- the fields of an item that the audit log records before and after a change
local function snapshot(id)
  local v = redis.call('HMGET', item_key(id), 'state', 'lane', 'class', 'risk', 'revision', 'holder', 'leaseUntil', 'breached')
  if not v[1] then return nil end
  local s = {state = v[1]}
  if v[2] then s.lane = v[2] end
  if v[3] then s.class = v[3] end
  if v[4] then s.risk = v[4] end
  if v[5] then s.revision = v[5] end
  if v[6] then s.holder = v[6] end
  if v[7] then s.leaseUntil = v[7] end
  if v[8] then s.breached = true end
  return s
end

-- appends one entry to the global audit stream and to the subject's own stream
local function audit(actor, action, itemId, alertId, before, after, detail)
  local fields = {'at', NOW_S, 'actor', actor, 'action', action, 'itemId', itemId or '', 'alertId', alertId or '',
    'before', before and cjson.encode(before) or '', 'after', after and cjson.encode(after) or '', 'detail', detail or ''}
  redis.call('XADD', P .. 'audit', '*', unpack(fields))
  if itemId and itemId ~= '' then redis.call('XADD', P .. 'audit:item:' .. itemId, '*', unpack(fields)) end
  if alertId and alertId ~= '' then redis.call('XADD', P .. 'audit:item:' .. alertId, '*', unpack(fields)) end
end

-- puts an unclaimed item into the sorted set of its lane
local function enqueue_waiting(id)
  local f = redis.call('HMGET', item_key(id), 'lane', 'class', 'since')
  if f[1] == 'ESCALATED' then
    redis.call('ZADD', P .. 'escalated', RANKS[f[2]] * BAND + tonumber(f[3]), id)
  else
    redis.call('ZADD', waiting_key(f[2]), f[3], id)
  end
end

local function dequeue_waiting(id, class)
  redis.call('ZREM', waiting_key(class), id)
  redis.call('ZREM', P .. 'escalated', id)
end

-- returns items whose lease ended to their lane; a lease ends at leaseUntil (inclusive)
local function reap_expired(limit)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'leases', '-inf', NOW_S, 'LIMIT', 0, limit)
  local reaped = 0
  for _, id in ipairs(ids) do
    redis.call('ZREM', P .. 'leases', id)
    local before = snapshot(id)
    if before and before.state == 'CLAIMED' then
      redis.call('HSET', item_key(id), 'state', 'OPEN', 'updatedAt', NOW_S)
      redis.call('HDEL', item_key(id), 'holder', 'leaseUntil', 'claimedAt')
      enqueue_waiting(id)
      audit('system', 'LEASE_EXPIRED', id, nil, before, snapshot(id), 'the lease of ' .. (before.holder or '?') .. ' ended')
      reaped = reaped + 1
    end
  end
  return reaped
end

-- closes an item for good (decided, deleted, no longer flagged)
local function close_item(id, state, reason, actor, detail, retention)
  local key = item_key(id)
  local before = snapshot(id)
  local f = redis.call('HMGET', key, 'class', 'postKey')
  if f[1] then dequeue_waiting(id, f[1]) end
  redis.call('ZREM', P .. 'leases', id)
  redis.call('ZREM', P .. 'sla', id)
  redis.call('HSET', key, 'state', state, 'closedReason', reason, 'closedAt', NOW_S, 'updatedAt', NOW_S)
  redis.call('HDEL', key, 'holder', 'leaseUntil', 'claimedAt')
  if f[2] then
    local pk = P .. 'post:' .. f[2]
    if redis.call('HGET', pk, 'itemId') == id then redis.call('HDEL', pk, 'itemId') end
  end
  if retention and retention > 0 then
    redis.call('EXPIRE', key, retention)
  end
  audit(actor, state == 'DECIDED' and 'DECIDED' or 'CLOSED', id, nil, before, snapshot(id), detail)
end
