package dev.modpipe.ingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.infra.SharedInfra;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.JedisPooled;

/** The token bucket against a real Redis, shared by two limiters as by two ingest instances. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimiterTest {
    private JedisPooled first;
    private JedisPooled second;
    private RedisRateLimiter one;
    private RedisRateLimiter two;

    @BeforeAll
    void connect() {
        first = new JedisPooled(URI.create(SharedInfra.redisUrl()));
        second = new JedisPooled(URI.create(SharedInfra.redisUrl()));
        one = new RedisRateLimiter(first);
        two = new RedisRateLimiter(second);
    }

    @AfterAll
    void disconnect() {
        first.close();
        second.close();
    }

    private static String platform() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldAllowTheBurstThenRefuseWithTheTimeUntilATokenIsBack() {
        String platform = platform();
        RateLimit limit = new RateLimit(2, 3);

        assertThat(one.acquire(platform, 3, limit).allowed()).isTrue();
        RateDecision refused = one.acquire(platform, 1, limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(300), Duration.ofMillis(500));
    }

    @Test
    void shouldRefillAtTheSustainedRate() {
        String platform = platform();
        RateLimit limit = new RateLimit(20, 1);
        assertThat(one.acquire(platform, 1, limit).allowed()).isTrue();
        assertThat(one.acquire(platform, 1, limit).allowed()).isFalse();

        await().atMost(Duration.ofSeconds(2))
                .until(() -> one.acquire(platform, 1, limit).allowed());
    }

    @Test
    void shouldShareOneBucketBetweenInstances() {
        String platform = platform();
        RateLimit limit = new RateLimit(1, 2);

        assertThat(one.acquire(platform, 1, limit).allowed()).isTrue();
        assertThat(two.acquire(platform, 1, limit).allowed()).isTrue();

        assertThat(one.acquire(platform, 1, limit).allowed()).isFalse();
        assertThat(two.acquire(platform, 1, limit).allowed()).isFalse();
    }

    @Test
    void shouldLetARequestLargerThanTheBurstThroughAFullBucketAndThenMakeOthersWait() {
        String platform = platform();
        RateLimit limit = new RateLimit(100, 50);

        assertThat(one.acquire(platform, 80, limit).allowed()).isTrue();
        RateDecision next = one.acquire(platform, 1, limit);

        // 30 posts of debt plus the one asked for, at 100 per second
        assertThat(next.allowed()).isFalse();
        assertThat(next.retryAfter()).isBetween(Duration.ofMillis(250), Duration.ofMillis(310));
    }

    @Test
    void shouldKeepPlatformsApart() {
        String busy = platform();
        String quiet = platform();
        RateLimit limit = new RateLimit(1, 1);
        one.acquire(busy, 1, limit);

        assertThat(one.acquire(busy, 1, limit).allowed()).isFalse();
        assertThat(one.acquire(quiet, 1, limit).allowed()).isTrue();
    }

    @Test
    void shouldLetTheBucketExpireOnceFull() {
        String platform = platform();
        one.acquire(platform, 1, new RateLimit(10, 10));

        assertThat(first.pttl(RedisRateLimiter.PREFIX + platform)).isBetween(1L, 1_200L);
    }
}
