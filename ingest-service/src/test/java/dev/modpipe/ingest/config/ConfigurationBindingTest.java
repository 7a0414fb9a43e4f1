package dev.modpipe.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modpipe.ingest.api.LimitsProperties;
import dev.modpipe.ingest.dedup.DedupProperties;
import dev.modpipe.ingest.platform.PlatformProperties;
import dev.modpipe.ingest.platform.Platforms;
import dev.modpipe.ingest.privacy.PseudonymProperties;
import dev.modpipe.ingest.publish.KafkaProperties;
import dev.modpipe.ingest.redis.RedisProperties;
import dev.modpipe.model.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.HttpServerConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration records bind and validate from properties alone: an application context
 * without the HTTP server, Kafka or Redis (none of those beans are created here).
 */
class ConfigurationBindingTest {
    private static final String KEY = "binding-test-pseudonym-key-0123456789abcdef";
    private static final String HASH = "a".repeat(64);

    /** A context of application.yml only (no test or dev file), plus the given properties. */
    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("binding")
                .properties(properties)
                .start();
    }

    private static Map<String, Object> minimal() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ingest.pseudonym.key", KEY);
        return properties;
    }

    @Test
    void shouldBindTheLocalRunDefaultsWhenNoEnvironmentVariableIsSet() {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "KAFKA_BOOTSTRAP_SERVERS is set");
        assumeTrue(System.getenv("REDIS_URL") == null, "REDIS_URL is set");
        assumeTrue(System.getenv("INGEST_PORT") == null, "INGEST_PORT is set");

        try (ApplicationContext context = context(minimal())) {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:9092");
            assertThat(kafka.topic()).isEqualTo(Topics.POSTS.defaultName());
            assertThat(kafka.maxBlock()).isEqualTo(Duration.ofSeconds(2));
            assertThat(kafka.deliveryTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(kafka.ackBound()).isEqualTo(Duration.ofSeconds(7));
            assertThat(kafka.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(kafka.producer()).isEmpty();

            RedisProperties redis = context.getBean(RedisProperties.class);
            assertThat(redis.url()).isEqualTo("redis://localhost:6379");
            assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(redis.poolSize()).isEqualTo(32);

            assertThat(context.getBean(DedupProperties.class))
                    .isEqualTo(new DedupProperties(Duration.ofDays(7), Duration.ofSeconds(30)));
            assertThat(context.getBean(LimitsProperties.class)).isEqualTo(new LimitsProperties(262_144, 500));
            assertThat(context.getBean(PseudonymProperties.class).key()).isEqualTo(KEY);
            assertThat(context.getBean(HttpServerConfiguration.class).getPort()).hasValue(8081);
            assertThat(context.getBean(HttpServerConfiguration.class).getMaxRequestSize())
                    .isEqualTo(4 * 1024 * 1024);
            assertThat(context.getBean(Platforms.class).all()).isEmpty();
        }
    }

    @Test
    void shouldBindEveryKeyFromConfiguration() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.kafka.bootstrap-servers", "broker-1:9092,broker-2:9092");
        properties.put("ingest.kafka.topic", "custom.posts");
        properties.put("ingest.kafka.delivery-timeout", "10s");
        properties.put("ingest.kafka.producer.security.protocol", "SSL");
        properties.put("ingest.redis.url", "redis://:pw@redis.internal:6380/2");
        properties.put("ingest.redis.pool-size", 8);
        properties.put("ingest.dedup.ttl", "2d");
        properties.put("ingest.limits.max-post-bytes", 65536);
        properties.put("ingest.platforms.calmspace.api-key-sha256", List.of(HASH, "B".repeat(64)));
        properties.put("ingest.platforms.calmspace.posts-per-second", 50);
        properties.put("ingest.platforms.peer-net.api-key-sha256", "c".repeat(64));

        try (ApplicationContext context = context(properties)) {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            assertThat(kafka.bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
            assertThat(kafka.topic()).isEqualTo("custom.posts");
            assertThat(kafka.deliveryTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(kafka.producer()).containsExactly(Map.entry("security.protocol", "SSL"));
            assertThat(context.getBean(RedisProperties.class).uri().getPort()).isEqualTo(6380);
            assertThat(context.getBean(RedisProperties.class).toString()).doesNotContain("pw");
            assertThat(context.getBean(RedisProperties.class).poolSize()).isEqualTo(8);
            assertThat(context.getBean(DedupProperties.class).ttl()).isEqualTo(Duration.ofDays(2));
            assertThat(context.getBean(LimitsProperties.class).maxPostBytes()).isEqualTo(65536);
            assertThat(context.getBean(Platforms.class).get("calmspace"))
                    .hasValue(new PlatformProperties("calmspace", List.of(HASH, "B".repeat(64)), 50, 1000));
            assertThat(context.getBean(Platforms.class).get("peer-net"))
                    .hasValue(new PlatformProperties("peer-net", List.of("c".repeat(64)), 100, 1000));
        }
    }

    @Test
    void shouldRefuseToStartWithoutAPseudonymKey() {
        assertThatThrownBy(() -> context(new HashMap<>()).close())
                .hasStackTraceContaining("key")
                .hasStackTraceContaining("must be set (INGEST_PSEUDONYM_KEY)");
    }

    @Test
    void shouldRefuseAShortPseudonymKey() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.pseudonym.key", "too-short");

        assertThatThrownBy(() -> context(properties).close()).hasStackTraceContaining("must be at least 32 characters");
    }

    @Test
    void shouldRefuseAKeyThatIsNotASha256Hash() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.platforms.calmspace.api-key-sha256", "my-plain-api-key");

        assertThatThrownBy(() -> context(properties).close())
                .hasStackTraceContaining("apiKeySha256")
                .hasStackTraceContaining("must be a SHA-256 hash (64 hex digits)");
    }

    @Test
    void shouldRefuseAPlatformWithoutKeys() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.platforms.calmspace.posts-per-second", 10);

        assertThatThrownBy(() -> context(properties).close()).hasStackTraceContaining("apiKeySha256");
    }

    @Test
    void shouldRefuseAnInvalidPlatformName() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.platforms.Calm_Space!.api-key-sha256", HASH);

        assertThatThrownBy(() -> context(properties).close()).hasStackTraceContaining("must match");
    }

    @Test
    void shouldRefuseOneKeyForTwoPlatforms() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.platforms.calmspace.api-key-sha256", HASH);
        properties.put("ingest.platforms.mindful.api-key-sha256", HASH.toUpperCase());

        assertThatThrownBy(() -> context(properties).close())
                .hasStackTraceContaining("the same key hash is configured");
    }

    @Test
    void shouldRefuseAZeroRate() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.platforms.calmspace.api-key-sha256", HASH);
        properties.put("ingest.platforms.calmspace.posts-per-second", 0);

        assertThatThrownBy(() -> context(properties).close()).hasStackTraceContaining("postsPerSecond");
    }

    @Test
    void shouldRefuseAPendingTtlShorterThanTheKafkaBound() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.dedup.pending-ttl", "5s");

        assertThatThrownBy(() -> context(properties).close())
                .hasStackTraceContaining("ingest.dedup.pending-ttl (PT5S) must exceed the Kafka acknowledgement bound");
    }

    @Test
    void shouldRefuseANonRedisUrl() {
        Map<String, Object> properties = minimal();
        properties.put("ingest.redis.url", "http://localhost:6379");

        try (ApplicationContext context = context(properties)) {
            assertThatThrownBy(() -> context.getBean(RedisProperties.class))
                    .hasStackTraceContaining("must be a redis:// or rediss:// URL");
        }
    }
}
