package dev.modpipe.review.escalation;

import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link AlertOutbox} in Redis: the stream {@code alert-events} (written by the alert scripts), the
 * id of the last published entry, and a {@code SET NX PX} lock. Thread-safe.
 */
@Singleton
public class RedisAlertOutbox implements AlertOutbox {
    private static final LuaScript ADVANCE =
            LuaScript.load(RedisAlertOutbox.class, RedisAlertStore.PRELUDE, "relay-advance.lua");
    private static final LuaScript UNLOCK =
            LuaScript.load(RedisAlertOutbox.class, RedisAlertStore.PRELUDE, "relay-unlock.lua");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisAlertOutbox(JedisPooled jedis, RedisKeys keys, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.clock = clock;
    }

    private String lockKey() {
        return keys.prefix() + "alert-events:lock";
    }

    private String stream() {
        return keys.prefix() + "alert-events";
    }

    @Override
    public boolean lock(String owner, Duration ttl) {
        return "OK"
                .equals(jedis.set(lockKey(), owner, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    @Override
    public void unlock(String owner) {
        UNLOCK.run(jedis, keys.prefix(), clock.millis(), clock.instant().toString(), lockKey(), owner);
    }

    @Override
    public List<Pending> pending(int limit) {
        String last = jedis.get(keys.prefix() + "alert-events:published");
        String start = last == null ? "-" : "(" + last;
        List<StreamEntry> entries = jedis.xrange(stream(), start, "+", limit);
        return entries.stream()
                .map(e -> new Pending(
                        e.getID().toString(),
                        e.getFields().get("alertId"),
                        e.getFields().get("event")))
                .toList();
    }

    @Override
    public boolean markPublished(String owner, String id) {
        Object done = ADVANCE.run(
                jedis, keys.prefix(), clock.millis(), clock.instant().toString(), lockKey(), owner, id);
        if (Long.valueOf(1).equals(done)) {
            jedis.xtrim(stream(), XTrimParams.xTrimParams().minId(id));
            return true;
        }
        return false;
    }
}
