package dev.modpipe.ingest.dedup;

import dev.modpipe.ingest.redis.LuaScript;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.JedisPooled;

/**
 * {@link DuplicateGuard} in Redis: one string key per submission,
 * {@code ingest:dedup:<platform>:<postId>:<revision>[:deleted]}, holding {@code p:<token>} while a
 * request is in flight (set with NX and a short TTL) and {@code d} once accepted (long TTL). Each
 * call is one atomic Lua script for all keys of a request. Thread-safe.
 */
@Singleton
public final class RedisDuplicateGuard implements DuplicateGuard {
    public static final String PREFIX = "ingest:dedup:";

    private static final LuaScript RESERVE = new LuaScript(
            "dedup reserve",
            """
            local out = {}
            for i, key in ipairs(KEYS) do
              if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then
                out[i] = 1
              elseif redis.call('GET', key) == 'd' then
                out[i] = 2
              else
                out[i] = 3
              end
            end
            return out
            """);

    private static final LuaScript CONFIRM = new LuaScript(
            "dedup confirm",
            """
            for _, key in ipairs(KEYS) do
              local value = redis.call('GET', key)
              if value == ARGV[1] or not value then
                redis.call('SET', key, 'd', 'PX', ARGV[2])
              end
            end
            return #KEYS
            """);

    private static final LuaScript RELEASE = new LuaScript(
            "dedup release",
            """
            for _, key in ipairs(KEYS) do
              if redis.call('GET', key) == ARGV[1] then
                redis.call('DEL', key)
              end
            end
            return #KEYS
            """);

    private final JedisPooled jedis;
    private final String ttlMillis;
    private final String pendingTtlMillis;

    public RedisDuplicateGuard(JedisPooled jedis, DedupProperties properties) {
        if (properties.ttl().toMillis() < 1 || properties.pendingTtl().toMillis() < 1) {
            throw new ConfigurationException("ingest.dedup.ttl and ingest.dedup.pending-ttl must be positive");
        }
        this.jedis = jedis;
        this.ttlMillis = String.valueOf(properties.ttl().toMillis());
        this.pendingTtlMillis = String.valueOf(properties.pendingTtl().toMillis());
    }

    @Override
    public List<Reservation> reserve(List<DedupKey> keys, String token) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Object reply = RESERVE.run(jedis, redisKeys(keys), List.of(pending(token), pendingTtlMillis));
        List<Reservation> reservations = new ArrayList<>(keys.size());
        for (Object code : (List<?>) reply) {
            reservations.add(
                    switch (((Number) code).intValue()) {
                        case 1 -> Reservation.RESERVED;
                        case 2 -> Reservation.DUPLICATE;
                        default -> Reservation.IN_PROGRESS;
                    });
        }
        return reservations;
    }

    @Override
    public void confirm(List<DedupKey> keys, String token) {
        if (!keys.isEmpty()) {
            CONFIRM.run(jedis, redisKeys(keys), List.of(pending(token), ttlMillis));
        }
    }

    @Override
    public void release(List<DedupKey> keys, String token) {
        if (!keys.isEmpty()) {
            RELEASE.run(jedis, redisKeys(keys), List.of(pending(token)));
        }
    }

    /** The Redis key of a submission. */
    public static String redisKey(DedupKey key) {
        return PREFIX + key.id();
    }

    private static String pending(String token) {
        return "p:" + token;
    }

    private static List<String> redisKeys(List<DedupKey> keys) {
        return keys.stream().map(RedisDuplicateGuard::redisKey).toList();
    }
}
