package dev.modpipe.review.escalation;

import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import dev.modpipe.review.store.RedisReplies;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** {@link DeliveryStore} in Redis: a sorted set of due jobs and one hash per job. Thread-safe. */
@Singleton
public class RedisDeliveryStore implements DeliveryStore {
    private static final LuaScript CLAIM =
            LuaScript.load(RedisDeliveryStore.class, RedisAlertStore.PRELUDE, "delivery-claim.lua");
    private static final LuaScript FINISH =
            LuaScript.load(RedisDeliveryStore.class, RedisAlertStore.PRELUDE, "delivery-finish.lua");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisDeliveryStore(JedisPooled jedis, RedisKeys keys, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<Claimed> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        List<String> reply = RedisReplies.strings(
                CLAIM.run(jedis, keys.prefix(), now.toEpochMilli(), now.toString(), limit, lease.toMillis()));
        List<Claimed> claimed = new ArrayList<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            claimed.add(new Claimed(reply.get(i), Integer.parseInt(reply.get(i + 1))));
        }
        return claimed;
    }

    @Override
    public Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(Delivery.fromHash(jedis.hgetAll(keys.prefix() + "delivery:" + deliveryId)));
    }

    @Override
    public Finished finish(
            String deliveryId, int attempt, Outcome outcome, Instant nextAttempt, String detail, String channel) {
        Instant now = clock.instant();
        List<String> reply = RedisReplies.strings(FINISH.run(
                jedis,
                keys.prefix(),
                now.toEpochMilli(),
                now.toString(),
                deliveryId,
                attempt,
                outcome.name(),
                nextAttempt.toEpochMilli(),
                detail == null ? "" : detail,
                channel));
        String status = reply.get(0);
        if ("FIRST".equals(status)) {
            return new Finished(true, false, millis(reply.get(1)), millis(reply.get(2)));
        }
        return new Finished(false, "STALE".equals(status), null, null);
    }

    private static Instant millis(String s) {
        return s == null || s.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(s));
    }
}
