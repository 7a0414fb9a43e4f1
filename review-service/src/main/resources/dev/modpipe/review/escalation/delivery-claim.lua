-- Takes due notification jobs for this instance: each is pushed a lease into the future, so no
-- other instance sends it meanwhile (if this one dies, it is due again when the lease ends).
-- ARGV[4] the most jobs, ARGV[5] the lease (ms). Returns {deliveryId, attempt, ...}.
local ids = redis.call('ZRANGEBYSCORE', P .. 'alert-deliveries', '-inf', NOW_S, 'LIMIT', 0, tonumber(ARGV[4]))
local out = {}
for _, id in ipairs(ids) do
  local key = P .. 'delivery:' .. id
  if redis.call('EXISTS', key) == 0 then
    redis.call('ZREM', P .. 'alert-deliveries', id)
  else
    redis.call('ZADD', P .. 'alert-deliveries', NOW + tonumber(ARGV[5]), id)
    local attempt = redis.call('HINCRBY', key, 'attempt', 1)
    out[#out + 1] = id
    out[#out + 1] = tostring(attempt)
  end
end
return out
