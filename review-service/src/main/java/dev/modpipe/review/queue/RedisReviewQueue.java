package dev.modpipe.review.queue;

import dev.modpipe.review.config.QueueConfig;
import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import dev.modpipe.review.store.RedisReplies;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * {@link ReviewQueue} in Redis: item hashes, one sorted set per class, Lua scripts for every change
 * (see the README for the data model). Thread-safe; several instances may share one Redis.
 */
@Singleton
public class RedisReviewQueue implements ReviewQueue {
    private static final LuaScript INTAKE = LuaScript.load(RedisReviewQueue.class, "intake.lua");
    private static final LuaScript SLA_SWEEP = LuaScript.load(RedisReviewQueue.class, "sla-sweep.lua");
    private static final int BATCH = 100;

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final QueueOrder order;
    private final SlaPolicy sla;
    private final QueueConfig config;
    private final Clock clock;

    public RedisReviewQueue(
            JedisPooled jedis, RedisKeys keys, QueueOrder order, SlaPolicy sla, QueueConfig config, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.order = order;
        this.sla = sla;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public PostState postState(String postKey) {
        List<String> v = jedis.hmget(keys.post(postKey), "rev", "itemId", "deleted");
        if (v.get(0) == null && v.get(1) == null && v.get(2) == null) {
            return PostState.UNKNOWN;
        }
        return new PostState(v.get(0) == null ? 0 : Integer.parseInt(v.get(0)), v.get(1), "1".equals(v.get(2)));
    }

    @Override
    public UpsertResult apply(ItemUpdate update) {
        List<String> reply = RedisReplies.strings(INTAKE.run(
                jedis,
                keys.prefix(),
                clock.millis(),
                update.toScriptJson(),
                sla.toJson(),
                config.retention().toSeconds(),
                config.historyLimit()));
        String itemId = reply.size() > 1 && !reply.get(1).isEmpty() ? reply.get(1) : null;
        return new UpsertResult(UpsertOutcome.valueOf(reply.get(0)), itemId);
    }

    @Override
    public Optional<ReviewItem> find(String itemId) {
        return Optional.ofNullable(ReviewItem.fromHash(jedis.hgetAll(keys.item(itemId))));
    }

    @Override
    public QueuePage list(QueueFilter filter, Lane lane, int limit, @Nullable String cursor) {
        Cursor from = Cursor.decode(cursor);
        List<QueueOrder.Segment> segments = order.segments(lane, clock.instant());
        List<ReviewItem> items = new ArrayList<>();
        int scanned = 0;
        for (int s = from == null ? 0 : from.segment(); s < segments.size(); s++) {
            QueueOrder.Segment segment = segments.get(s);
            boolean resume = from != null && s == from.segment();
            String min = resume ? Long.toString(from.score()) : segment.min();
            int offset = 0;
            while (true) {
                List<Tuple> batch = jedis.zrangeByScoreWithScores(segment.key(), min, segment.max(), offset, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                offset += batch.size();
                List<ReviewItem> loaded =
                        summaries(batch.stream().map(Tuple::getElement).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Tuple t = batch.get(i);
                    long score = (long) t.getScore();
                    if (resume && score == from.score() && t.getElement().compareTo(from.itemId()) <= 0) {
                        continue;
                    }
                    scanned++;
                    ReviewItem item = loaded.get(i);
                    if (item != null && item.state() == ItemState.OPEN && filter.matches(item)) {
                        items.add(item);
                    }
                    if (items.size() >= limit || scanned >= config.scanLimit()) {
                        return new QueuePage(items, new Cursor(s, score, t.getElement()).encode());
                    }
                }
            }
        }
        return new QueuePage(items, null);
    }

    @Override
    public List<ReviewItem> claimed(int limit) {
        List<String> ids = jedis.zrange(keys.leases(), 0, limit - 1);
        return summaries(ids).stream().filter(i -> i != null).toList();
    }

    @Override
    public List<ReviewItem> authorHistory(String platform, String authorId, int limit) {
        List<String> ids = jedis.zrevrange(keys.author(platform, authorId), 0, limit - 1);
        return summaries(ids).stream().filter(i -> i != null).toList();
    }

    @Override
    public List<QueueClass> sweepSla(int limit) {
        return RedisReplies.strings(SLA_SWEEP.run(jedis, keys.prefix(), clock.millis(), limit)).stream()
                .map(QueueClass::valueOf)
                .toList();
    }

    @Override
    public QueueStats stats() {
        Instant now = clock.instant();
        Map<QueueClass, Response<Long>> depth = new EnumMap<>(QueueClass.class);
        Map<QueueClass, Response<List<Tuple>>> oldest = new EnumMap<>(QueueClass.class);
        Map<QueueClass, Response<Long>> overdue = new EnumMap<>(QueueClass.class);
        Response<Long> claimed;
        Response<Long> escalated;
        try (Pipeline p = jedis.pipelined()) {
            for (QueueClass c : QueueClass.values()) {
                String key = keys.waiting(c.name());
                depth.put(c, p.zcard(key));
                oldest.put(c, p.zrangeWithScores(key, 0, 0));
                overdue.put(
                        c, p.zcount(key, "-inf", "(" + sla.overdueBefore(c, now).toEpochMilli()));
            }
            claimed = p.zcard(keys.leases());
            escalated = p.zcard(keys.escalated());
            p.sync();
        }
        Map<QueueClass, QueueStats.ClassStats> byClass = new EnumMap<>(QueueClass.class);
        for (QueueClass c : QueueClass.values()) {
            List<Tuple> first = oldest.get(c).get();
            Duration age = first.isEmpty()
                    ? Duration.ZERO
                    : Duration.between(Instant.ofEpochMilli((long) first.get(0).getScore()), now);
            byClass.put(
                    c,
                    new QueueStats.ClassStats(
                            depth.get(c).get(),
                            age.isNegative() ? Duration.ZERO : age,
                            overdue.get(c).get()));
        }
        return new QueueStats(byClass, claimed.get(), escalated.get());
    }

    /** Loads the summaries of the items, null where an item is gone, in the order of the ids. */
    private List<ReviewItem> summaries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] fields = ReviewItem.SUMMARY_FIELDS.toArray(String[]::new);
        List<Response<List<String>>> responses = new ArrayList<>(ids.size());
        try (Pipeline p = jedis.pipelined()) {
            for (String id : ids) {
                responses.add(p.hmget(keys.item(id), fields));
            }
            p.sync();
        }
        List<ReviewItem> items = new ArrayList<>(ids.size());
        for (Response<List<String>> r : responses) {
            items.add(ReviewItem.fromSummary(r.get()));
        }
        return items;
    }

    /** A position in the listing order: segment, score and item id of the last item examined. */
    record Cursor(int segment, long score, String itemId) {
        String encode() {
            String raw = segment + ":" + score + ":" + itemId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        @Nullable
        static Cursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", 3);
                Cursor c = new Cursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
                if (c.segment < 0 || !ItemIds.isWellFormed(c.itemId)) {
                    throw new InvalidCursorException();
                }
                return c;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidCursorException();
            }
        }
    }
}
