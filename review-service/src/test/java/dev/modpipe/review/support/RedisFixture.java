package dev.modpipe.review.support;

import dev.modpipe.infra.SharedInfra;
import dev.modpipe.review.claims.RedisClaimStore;
import dev.modpipe.review.config.QueueConfig;
import dev.modpipe.review.queue.QueueOrder;
import dev.modpipe.review.queue.RedisReviewQueue;
import dev.modpipe.review.queue.SlaPolicy;
import dev.modpipe.review.store.RedisKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;

/**
 * The queue and claim stores on the shared real Redis, under a key prefix of their own, so tests
 * never see each other's keys. Each fixture has its own connection pool, like a service instance.
 */
public final class RedisFixture implements AutoCloseable {
    public final JedisPooled jedis;
    public final RedisKeys keys;
    public final QueueConfig config;
    public final RedisReviewQueue queue;
    public final RedisClaimStore claims;

    private RedisFixture(String url, String prefix, QueueConfig config, Clock clock) {
        this.jedis = new JedisPooled(URI.create(url));
        this.keys = new RedisKeys(prefix);
        this.config = config;
        SlaPolicy sla = new SlaPolicy(config);
        QueueOrder order = new QueueOrder(keys, sla);
        this.queue = new RedisReviewQueue(jedis, keys, order, sla, config, clock);
        this.claims = new RedisClaimStore(jedis, keys, order, config, clock);
    }

    public static RedisFixture fresh() {
        return new RedisFixture(SharedInfra.redisUrl(), uniquePrefix(), defaultConfig(), Clock.systemUTC());
    }

    /** Another "instance" on the same Redis and prefix, with its own pool. */
    public RedisFixture sibling() {
        return new RedisFixture(SharedInfra.redisUrl(), keys.prefix(), config, Clock.systemUTC());
    }

    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    public static QueueConfig defaultConfig() {
        return new QueueConfig(
                Duration.ofMinutes(5),
                Duration.ofDays(30),
                2000,
                20,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                new QueueConfig.Sla(
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15),
                        Duration.ofHours(4),
                        Duration.ofHours(1),
                        Duration.ofHours(4),
                        Duration.ofHours(24)));
    }

    @Override
    public void close() {
        jedis.close();
    }
}
