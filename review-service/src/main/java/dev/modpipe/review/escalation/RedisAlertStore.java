package dev.modpipe.review.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modpipe.model.AlertState;
import dev.modpipe.model.EventJson;
import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import dev.modpipe.review.store.RedisReplies;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.JedisPooled;

/** {@link AlertStore} in Redis (see the README's data model), one Lua script per change. Thread-safe. */
@Singleton
public class RedisAlertStore implements AlertStore {
    static final String PRELUDE = "alerts-prelude.lua";
    private static final LuaScript OPEN = LuaScript.load(RedisAlertStore.class, PRELUDE, "alert-open.lua");
    private static final LuaScript ESCALATE = LuaScript.load(RedisAlertStore.class, PRELUDE, "alert-escalate.lua");
    private static final LuaScript TRANSITION = LuaScript.load(RedisAlertStore.class, PRELUDE, "alert-transition.lua");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisAlertStore(JedisPooled jedis, RedisKeys keys, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.clock = clock;
    }

    private Object run(LuaScript script, Object... args) {
        Instant now = clock.instant();
        Object[] all = new Object[args.length + 1];
        all[0] = now.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return script.run(jedis, keys.prefix(), now.toEpochMilli(), all);
    }

    @Override
    public OpenOutcome open(NewAlert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alertId", alert.alertId());
        json.put("itemId", alert.itemId());
        json.put("platform", alert.platform());
        json.put("postId", alert.postId());
        json.put("postKey", alert.platform() + ":" + alert.postId());
        json.put("risk", alert.risk().name());
        json.put("riskOrd", Integer.toString(alert.risk().ordinal()));
        json.put(
                "receivedAt",
                alert.receivedAt() == null
                        ? ""
                        : Long.toString(alert.receivedAt().toEpochMilli()));
        json.put("authorKey", alert.authorKey() == null ? "" : alert.authorKey());
        json.put("evidence", alert.evidenceJson());
        json.put("tierName", alert.firstTier().name());
        json.put("due", Long.toString(alert.due().toEpochMilli()));
        json.put("targets", alert.targets());
        json.put("actor", alert.actor());
        List<String> reply = RedisReplies.strings(run(OPEN, EventJson.writeString(json)));
        return OpenOutcome.valueOf(reply.get(0));
    }

    @Override
    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(Alert.fromHash(jedis.hgetAll(keys.prefix() + "alert:" + alertId)));
    }

    @Override
    public List<Alert> list(@Nullable AlertState state, int limit) {
        List<Alert> alerts = new ArrayList<>();
        int offset = 0;
        int batch = Math.max(limit, 100);
        while (alerts.size() < limit) {
            List<String> ids = jedis.zrevrange(keys.prefix() + "alerts", offset, offset + batch - 1);
            if (ids.isEmpty()) {
                break;
            }
            offset += ids.size();
            for (String id : ids) {
                Optional<Alert> alert = find(id);
                if (alert.isEmpty()) {
                    jedis.zrem(keys.prefix() + "alerts", id);
                    offset--;
                } else if (state == null || alert.get().state() == state) {
                    alerts.add(alert.get());
                    if (alerts.size() == limit) {
                        break;
                    }
                }
            }
        }
        return alerts;
    }

    @Override
    public Set<String> alertsOfPost(String postKey) {
        return jedis.smembers(keys.prefix() + "alert:post:" + postKey);
    }

    @Override
    public Optional<String> alertOfItem(String itemId) {
        return Optional.ofNullable(jedis.get(keys.prefix() + "alert:item:" + itemId));
    }

    @Override
    public TransitionOutcome transition(String alertId, Action action, String by, String reason) {
        List<String> reply =
                RedisReplies.strings(run(TRANSITION, alertId, action.name(), by, reason == null ? "" : reason));
        return TransitionOutcome.valueOf(reply.get(0));
    }

    @Override
    public List<String> dueTimers(int limit) {
        return jedis.zrangeByScore(keys.prefix() + "alert-timers", "-inf", Long.toString(clock.millis()), 0, limit);
    }

    @Override
    public EscalateOutcome escalate(
            String alertId,
            EscalationPolicy.Step expected,
            @Nullable EscalationPolicy.Step next,
            @Nullable EscalationPolicy.Tier nextTier,
            @Nullable Instant nextDue) {
        List<String> reply = RedisReplies.strings(run(
                ESCALATE,
                alertId,
                expected.tier(),
                expected.pass(),
                next == null ? "" : Integer.toString(next.tier()),
                next == null ? "" : Integer.toString(next.pass()),
                nextTier == null ? "" : nextTier.name(),
                nextDue == null ? "" : Long.toString(nextDue.toEpochMilli()),
                EventJson.writeString(nextTier == null ? List.of() : nextTier.targetNames())));
        return EscalateOutcome.valueOf(reply.get(0));
    }

    @Override
    public List<AlertHistoryEntry> history(String alertId) {
        List<AlertHistoryEntry> entries = new ArrayList<>();
        for (String json : jedis.lrange(keys.prefix() + "alert:" + alertId + ":history", 0, -1)) {
            try {
                entries.add(EventJson.mapper().readValue(json, AlertHistoryEntry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable history entry of alert " + alertId, e);
            }
        }
        return entries;
    }
}
