-- Leases the highest-priority open item that matches the filter to a user, atomically: two
-- callers (on any instance) never get the same item. Expired leases are returned first.
-- ARGV[3] user, ARGV[4] lease millis, ARGV[5] filter JSON {category?, risk?, language?},
-- ARGV[6] the order as JSON [[key, min, max], ...] (QueueOrder), ARGV[7] the most items to examine.
-- Returns {number of leases that ended, the claimed item's hash (HGETALL)...}; only the number when
-- nothing matches.
local user = ARGV[3]
local leaseMs = tonumber(ARGV[4])
local filter = cjson.decode(ARGV[5])
local segments = cjson.decode(ARGV[6])
local scanLimit = tonumber(ARGV[7])

local reaped = reap_expired(1000)

local function has_flag(csv, flag)
  for v in string.gmatch(csv or '', '[^,]+') do
    if v == flag then return true end
  end
  return false
end

local function matches(id)
  local f = redis.call('HMGET', item_key(id), 'state', 'flags', 'risk', 'language')
  if f[1] ~= 'OPEN' then return false end
  if filter.category and not has_flag(f[2], filter.category) then return false end
  if filter.risk and f[3] ~= filter.risk then return false end
  if filter.language then
    local lang = f[4] or ''
    if lang ~= filter.language and string.sub(lang, 1, #filter.language + 1) ~= filter.language .. '-' then
      return false
    end
  end
  return true
end

local function take(id, zset)
  local before = snapshot(id)
  local leaseUntil = NOW + leaseMs
  redis.call('ZREM', zset, id)
  redis.call('HSET', item_key(id), 'state', 'CLAIMED', 'holder', user, 'leaseUntil', int(leaseUntil),
    'claimedAt', NOW_S, 'updatedAt', NOW_S)
  redis.call('ZADD', P .. 'leases', leaseUntil, id)
  audit(user, 'CLAIMED', id, nil, before, snapshot(id), '')
  local reply = {int(reaped)}
  for _, v in ipairs(redis.call('HGETALL', item_key(id))) do reply[#reply + 1] = v end
  return reply
end

local scanned = 0
for _, s in ipairs(segments) do
  local offset = 0
  while true do
    local ids = redis.call('ZRANGEBYSCORE', s[1], s[2], s[3], 'LIMIT', offset, 64)
    if #ids == 0 then break end
    for _, id in ipairs(ids) do
      if matches(id) then return take(id, s[1]) end
      scanned = scanned + 1
      if scanned >= scanLimit then return {int(reaped)} end
    end
    offset = offset + #ids
  end
end
return {int(reaped)}
