-- Applies one classifier verdict to its post's review item, atomically and idempotently.
-- ARGV[3] the update (JSON, see ItemUpdate.toScriptJson), ARGV[4] SLA millis per class (JSON),
-- ARGV[5] retention seconds, ARGV[6] how many flagged items of an author to keep.
-- Returns {outcome, itemId or ''}.
local c = cjson.decode(ARGV[3])
local sla = cjson.decode(ARGV[4])
local retention = tonumber(ARGV[5])
local historyMax = tonumber(ARGV[6])

local postKey = P .. 'post:' .. c.postKey
local post = redis.call('HMGET', postKey, 'rev', 'itemId', 'deleted')
local rev = tonumber(post[1] or '0')
local openId = post[2]
local revision = tonumber(c.revision)

local function union_csv(csv, list)
  local seen, out = {}, {}
  for v in string.gmatch(csv or '', '[^,]+') do
    if not seen[v] then seen[v] = true; out[#out + 1] = v end
  end
  for _, v in ipairs(list) do
    if not seen[v] then seen[v] = true; out[#out + 1] = v end
  end
  table.sort(out)
  return table.concat(out, ',')
end

local function set_fields(key)
  for k, v in pairs(c.fields) do redis.call('HSET', key, k, v) end
end

-- a deleted post closes its item whatever the revision, and stays deleted
if c.type == 'DELETED' then
  redis.call('HSET', postKey, 'deleted', '1', 'rev', int(math.max(rev, revision)))
  redis.call('EXPIRE', postKey, retention)
  if openId then
    close_item(openId, 'CLOSED', 'DELETED', c.actor, 'the post was deleted on its platform', retention)
    -- the verdict carries the post's text: a post deleted on its platform leaves Redis with it
    redis.call('HDEL', item_key(openId), 'classification')
    return {'CLOSED', openId}
  end
  return {'NOOP', ''}
end
if post[3] == '1' then return {'IGNORED_DELETED', openId or ''} end
if revision < rev then return {'STALE', openId or ''} end
if revision == rev then return {'DUPLICATE', openId or ''} end
redis.call('HSET', postKey, 'rev', c.revision)
redis.call('EXPIRE', postKey, retention)

if openId then
  local key = item_key(openId)
  local before = snapshot(openId)
  local cur = redis.call('HMGET', key, 'class', 'riskOrd', 'state', 'since', 'lane', 'flags', 'breached')
  if c.flagged then
    -- while an item is open its class and risk never go down: the strongest signal of any
    -- revision stands until a person decides
    local class = cur[1]
    if RANKS[c.class] < RANKS[class] then class = c.class end
    set_fields(key)
    redis.call('HSET', key, 'class', class, 'flags', union_csv(cur[6], c.flags), 'lastFlagged', '1', 'updatedAt', NOW_S)
    if tonumber(c.riskOrd) > tonumber(cur[2]) then
      redis.call('HSET', key, 'risk', c.risk, 'riskOrd', c.riskOrd)
      if c.raisedFrom ~= '' then redis.call('HSET', key, 'raisedFrom', c.raisedFrom) end
    end
    if class ~= cur[1] then
      if cur[3] == 'OPEN' then
        dequeue_waiting(openId, cur[1])
        enqueue_waiting(openId)
      end
      local due = tonumber(cur[4]) + tonumber(sla[class])
      redis.call('HSET', key, 'slaDue', int(due))
      if not cur[7] then redis.call('ZADD', P .. 'sla', due, openId) end
    end
    audit(c.actor, 'UPDATED', openId, nil, before, snapshot(openId), 'revision ' .. c.revision)
    return {'UPDATED', openId}
  end
  -- not flagged any more: a self-harm item, a claimed or an escalated one stays for a person
  -- (an edit can hide a cry for help); anything else is closed
  local selfHarm = cur[1] == 'IMMINENT' or cur[1] == 'HIGH' or cur[1] == 'SELF_HARM'
  if selfHarm or cur[3] == 'CLAIMED' or cur[5] == 'ESCALATED' then
    set_fields(key)
    redis.call('HSET', key, 'lastFlagged', '0', 'updatedAt', NOW_S)
    audit(c.actor, 'UPDATED', openId, nil, before, snapshot(openId),
      'revision ' .. c.revision .. ' is not flagged; kept open for a person to decide')
    return {'KEPT', openId}
  end
  close_item(openId, 'CLOSED', 'NOT_FLAGGED', c.actor, 'revision ' .. c.revision .. ' is not flagged', retention)
  return {'CLOSED', openId}
end

if not c.flagged then return {'NOT_FLAGGED', ''} end

local id = c.itemId
local key = item_key(id)
local due = tonumber(c.since) + tonumber(sla[c.class])
set_fields(key)
redis.call('HSET', key, 'itemId', id, 'state', 'OPEN', 'lane', 'MAIN', 'class', c.class, 'risk', c.risk,
  'riskOrd', c.riskOrd, 'flags', union_csv('', c.flags), 'lastFlagged', '1', 'since', c.since,
  'createdAt', NOW_S, 'updatedAt', NOW_S, 'slaDue', int(due))
if c.raisedFrom ~= '' then redis.call('HSET', key, 'raisedFrom', c.raisedFrom) end
redis.call('PERSIST', key)
redis.call('ZADD', waiting_key(c.class), c.since, id)
redis.call('ZADD', P .. 'sla', due, id)
redis.call('HSET', postKey, 'itemId', id)
if c.authorKey ~= '' then
  local ak = P .. 'author:' .. c.authorKey
  redis.call('ZADD', ak, c.since, id)
  redis.call('ZREMRANGEBYRANK', ak, 0, -(historyMax + 1))
  redis.call('EXPIRE', ak, retention)
end
audit(c.actor, 'ENQUEUED', id, nil, nil, snapshot(id), 'revision ' .. c.revision)
return {'CREATED', id}
