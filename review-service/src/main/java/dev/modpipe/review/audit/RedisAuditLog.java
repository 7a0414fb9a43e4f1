package dev.modpipe.review.audit;

import dev.modpipe.review.store.RedisKeys;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link AuditLog} in Redis streams: one stream of all entries and one per item or alert. Entries
 * are never trimmed. Thread-safe.
 */
@Singleton
public class RedisAuditLog implements AuditLog {
    /** Stream ids come from the Redis server's clock; reading starts this much before {@code since}. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisAuditLog(JedisPooled jedis, RedisKeys keys, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.clock = clock;
    }

    /** Whether a cursor has the form of a stream id. */
    public static boolean isCursor(String cursor) {
        return cursor != null && STREAM_ID.matcher(cursor).matches();
    }

    @Override
    public void append(
            String actor,
            String action,
            @Nullable String itemId,
            @Nullable String alertId,
            @Nullable String before,
            @Nullable String after,
            @Nullable String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", Long.toString(clock.millis()));
        fields.put("actor", actor);
        fields.put("action", action);
        fields.put("itemId", itemId == null ? "" : itemId);
        fields.put("alertId", alertId == null ? "" : alertId);
        fields.put("before", before == null ? "" : before);
        fields.put("after", after == null ? "" : after);
        fields.put("detail", detail == null ? "" : detail);
        try (AbstractTransaction tx = jedis.multi()) {
            tx.xadd(keys.audit(), XAddParams.xAddParams(), fields);
            if (itemId != null) {
                tx.xadd(keys.audit(itemId), XAddParams.xAddParams(), fields);
            }
            if (alertId != null) {
                tx.xadd(keys.audit(alertId), XAddParams.xAddParams(), fields);
            }
            tx.exec();
        }
    }

    @Override
    public AuditPage read(@Nullable String subjectId, @Nullable Instant since, int limit, @Nullable String after) {
        String key = subjectId == null ? keys.audit() : keys.audit(subjectId);
        String start;
        if (after != null) {
            start = "(" + after;
        } else if (since != null) {
            start = Math.max(0, since.minus(CLOCK_SKEW).toEpochMilli()) + "-0";
        } else {
            start = "-";
        }
        List<AuditEntry> entries = new ArrayList<>();
        int batch = Math.max(limit, 100);
        while (true) {
            List<StreamEntry> read = jedis.xrange(key, start, "+", batch);
            for (StreamEntry e : read) {
                AuditEntry entry = toEntry(e);
                if (since == null || !entry.at().isBefore(since)) {
                    entries.add(entry);
                    if (entries.size() == limit) {
                        return new AuditPage(entries, entry.id());
                    }
                }
            }
            if (read.size() < batch) {
                return new AuditPage(entries, null);
            }
            start = "(" + read.get(read.size() - 1).getID();
        }
    }

    private static AuditEntry toEntry(StreamEntry e) {
        Map<String, String> f = e.getFields();
        StreamEntryID id = e.getID();
        return new AuditEntry(
                id.toString(),
                Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("at", Long.toString(id.getTime())))),
                f.getOrDefault("actor", ""),
                f.getOrDefault("action", ""),
                emptyToNull(f.get("itemId")),
                emptyToNull(f.get("alertId")),
                emptyToNull(f.get("before")),
                emptyToNull(f.get("after")),
                emptyToNull(f.get("detail")));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
