package dev.modpipe.review.escalation;

import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.JedisPooled;

/** {@link RiskWindow} in Redis: a sorted set of post keys per author, scored by receipt time. */
@Singleton
public class RedisRiskWindow implements RiskWindow {
    private static final LuaScript RECORD =
            LuaScript.load(RedisRiskWindow.class, RedisAlertStore.PRELUDE, "moderate-window.lua");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisRiskWindow(JedisPooled jedis, RedisKeys keys, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public long recordModerate(String platform, String authorId, String postKey, Instant receivedAt, Duration window) {
        Instant now = clock.instant();
        Object count = RECORD.run(
                jedis,
                keys.prefix(),
                now.toEpochMilli(),
                now.toString(),
                platform + ":" + authorId,
                postKey,
                receivedAt.toEpochMilli(),
                window.toMillis());
        return count instanceof Long n ? n : 0;
    }
}
