package dev.modpipe.review.store;

import dev.modpipe.review.config.RedisConfig;
import jakarta.inject.Singleton;

/**
 * The layout of the service's keys in Redis. Every key starts with the configured prefix; the Lua
 * scripts derive the same names from the prefix (see {@code prelude.lua}), so this class and the
 * prelude must agree. The README lists the whole data model.
 */
@Singleton
public final class RedisKeys {
    private final String prefix;

    public RedisKeys(RedisConfig config) {
        this(config.keyPrefix());
    }

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** HASH: one review item. */
    public String item(String itemId) {
        return prefix + "item:" + itemId;
    }

    /** HASH: a post's revision watermark, its open item and whether it was deleted. */
    public String post(String postKey) {
        return prefix + "post:" + postKey;
    }

    /** ZSET: the unclaimed items of one priority class, scored by the time their post was received. */
    public String waiting(String queueClass) {
        return prefix + "waiting:" + queueClass;
    }

    /** ZSET: items escalated to leads, scored by class rank then age. */
    public String escalated() {
        return prefix + "escalated";
    }

    /** ZSET: claimed items, scored by the end of their lease. */
    public String leases() {
        return prefix + "leases";
    }

    /** ZSET: open items not yet past their SLA, scored by their due time. */
    public String sla() {
        return prefix + "sla";
    }

    /** STREAM: every state change. */
    public String audit() {
        return prefix + "audit";
    }

    /** STREAM: the state changes of one item (or alert). */
    public String audit(String subjectId) {
        return prefix + "audit:item:" + subjectId;
    }

    /** ZSET: an author's flagged items on one platform, scored by receipt time. */
    public String author(String platform, String authorId) {
        return prefix + "author:" + platform + ":" + authorId;
    }
}
