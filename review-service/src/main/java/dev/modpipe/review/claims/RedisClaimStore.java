package dev.modpipe.review.claims;

import dev.modpipe.model.ModerationAction;
import dev.modpipe.review.config.QueueConfig;
import dev.modpipe.review.queue.ItemNotFoundException;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueFilter;
import dev.modpipe.review.queue.QueueOrder;
import dev.modpipe.review.queue.ReviewItem;
import dev.modpipe.review.store.LuaScript;
import dev.modpipe.review.store.RedisKeys;
import dev.modpipe.review.store.RedisReplies;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** {@link ClaimStore} in Redis, one Lua script per operation. Thread-safe. */
@Singleton
public class RedisClaimStore implements ClaimStore {
    private static final LuaScript CLAIM = LuaScript.load(RedisClaimStore.class, "claim.lua");
    private static final LuaScript RELEASE = LuaScript.load(RedisClaimStore.class, "release.lua");
    private static final LuaScript HOLD = LuaScript.load(RedisClaimStore.class, "hold.lua");
    private static final LuaScript DECIDE = LuaScript.load(RedisClaimStore.class, "decide.lua");
    private static final LuaScript REAP = LuaScript.load(RedisClaimStore.class, "reap.lua");

    private final JedisPooled jedis;
    private final RedisKeys keys;
    private final QueueOrder order;
    private final QueueConfig config;
    private final Clock clock;

    public RedisClaimStore(JedisPooled jedis, RedisKeys keys, QueueOrder order, QueueConfig config, Clock clock) {
        this.jedis = jedis;
        this.keys = keys;
        this.order = order;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Claim claim(String user, QueueFilter filter, Lane lane, Duration lease) {
        long now = clock.millis();
        String segments = QueueOrder.toJson(order.segments(lane, clock.instant()));
        List<String> reply = RedisReplies.strings(CLAIM.run(
                jedis,
                keys.prefix(),
                now,
                user,
                lease.toMillis(),
                filter.toScriptJson(),
                segments,
                config.scanLimit()));
        int reaped = reply.isEmpty() ? 0 : Integer.parseInt(reply.get(0));
        return new Claim(Optional.ofNullable(ReviewItem.fromHash(RedisReplies.hash(reply, 1))), reaped);
    }

    @Override
    public void release(String itemId, String user, boolean force) {
        check(
                itemId,
                RedisReplies.strings(
                        RELEASE.run(jedis, keys.prefix(), clock.millis(), itemId, user, force ? "1" : "0")));
    }

    @Override
    public ReviewItem holdForDecision(String itemId, String user, Duration atLeast) {
        List<String> reply =
                RedisReplies.strings(HOLD.run(jedis, keys.prefix(), clock.millis(), itemId, user, atLeast.toMillis()));
        check(itemId, reply);
        return ReviewItem.fromHash(RedisReplies.hash(reply, 1));
    }

    @Override
    public void recordDecision(String itemId, String user, ModerationAction action, String decisionJson) {
        check(
                itemId,
                RedisReplies.strings(DECIDE.run(
                        jedis,
                        keys.prefix(),
                        clock.millis(),
                        itemId,
                        user,
                        action.name(),
                        decisionJson,
                        config.retention().toSeconds())));
    }

    @Override
    public int reapExpired(int limit) {
        Object reply = REAP.run(jedis, keys.prefix(), clock.millis(), limit);
        return reply instanceof Long n ? n.intValue() : 0;
    }

    private static void check(String itemId, List<String> reply) {
        String status = reply.isEmpty() ? "NOT_FOUND" : reply.get(0);
        String detail = reply.size() > 1 ? reply.get(1) : "";
        switch (status) {
            case "OK", "DECIDED", "ESCALATED" -> {
                // done
            }
            case "NOT_FOUND" -> throw new ItemNotFoundException(itemId);
            case "NOT_CLAIMED" ->
                throw new ClaimConflictException(itemId, ClaimConflictException.Reason.NOT_CLAIMED, detail);
            case "NOT_HOLDER" ->
                throw new ClaimConflictException(itemId, ClaimConflictException.Reason.NOT_HOLDER, detail);
            case "LEASE_EXPIRED" ->
                throw new ClaimConflictException(itemId, ClaimConflictException.Reason.LEASE_EXPIRED, detail);
            default -> throw new IllegalStateException("unexpected reply " + status);
        }
    }
}
