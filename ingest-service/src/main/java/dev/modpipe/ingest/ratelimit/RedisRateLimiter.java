package dev.modpipe.ingest.ratelimit;

import dev.modpipe.ingest.redis.LuaScript;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.JedisPooled;

/**
 * {@link RateLimiter} as a token bucket in Redis: one hash per platform,
 * {@code ingest:ratelimit:<platform>} with the tokens left and the time they were counted, updated
 * by one atomic Lua script on Redis's clock, so every instance shares one bucket and no instance's
 * clock matters. A bucket left alone long enough to refill expires. Thread-safe.
 */
@Singleton
public final class RedisRateLimiter implements RateLimiter {
    public static final String PREFIX = "ingest:ratelimit:";

    // ARGV: posts per second, burst, cost. Returns {allowed (1|0), wait millis}.
    // A request costing more than the burst goes through when the bucket is full and leaves it in
    // debt, so a large batch is never refused forever and the sustained rate still holds.
    private static final LuaScript TAKE = new LuaScript(
            "rate limit",
            """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              tokens = burst
              at = now
            end
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
            local needed = math.min(cost, burst)
            local allowed = 0
            local wait = 0
            if tokens >= needed then
              tokens = tokens - cost
              allowed = 1
            else
              wait = math.ceil((needed - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
            return {allowed, wait}
            """);

    private final JedisPooled jedis;

    public RedisRateLimiter(JedisPooled jedis) {
        this.jedis = jedis;
    }

    @Override
    public RateDecision acquire(String platform, int cost, RateLimit limit) {
        if (cost <= 0) {
            return RateDecision.ALLOWED;
        }
        List<?> reply = (List<?>) TAKE.run(
                jedis,
                List.of(PREFIX + platform),
                List.of(String.valueOf(limit.perSecond()), String.valueOf(limit.burst()), String.valueOf(cost)));
        boolean allowed = ((Number) reply.get(0)).longValue() == 1;
        if (allowed) {
            return RateDecision.ALLOWED;
        }
        long waitMillis = Math.max(1, ((Number) reply.get(1)).longValue());
        return RateDecision.denied(Duration.ofMillis(waitMillis));
    }
}
