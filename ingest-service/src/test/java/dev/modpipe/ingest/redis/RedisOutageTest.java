package dev.modpipe.ingest.redis;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.infra.RedisServer;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.RunningService;
import dev.modpipe.ingest.support.TopicReader;
import dev.modpipe.model.PostKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped mid-test: ingest fails closed (503 with Retry-After, nothing on the topic), since
 * without duplicate detection it could write a post twice; once Redis is back, posts are accepted
 * and what was accepted before is still known (Redis keeps its data in its append-only file).
 */
class RedisOutageTest {
    private static final String TOPIC = Infra.uniqueTopic("redis-outage");

    private RedisServer redis;
    private RunningService service;
    private Http http;

    @BeforeEach
    void start() {
        redis = RedisServer.onFreePort().start();
        SharedInfra.kafka().createTopics(Map.of(TOPIC, 3));
        service = RunningService.start(
                SharedInfra.kafkaBootstrapServers(),
                redis.url(),
                TOPIC,
                Map.of("ingest.redis.timeout", "500ms", "ingest.kafka.retry-after", "4s"));
        http = service.http();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        redis.close();
    }

    private static String post(String postId) {
        return "{\"postId\":\"%s\",\"authorId\":\"u\",\"body\":\"text\"}".formatted(postId);
    }

    @Test
    void shouldFailClosedWhileRedisIsDownAndRecoverWithItsMemory() {
        // Given an accepted post
        String before = Infra.uniquePostId();
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post(before)).status()).isEqualTo(202);

        // When Redis stops
        redis.stop();

        // Then posts are refused with 503 and Retry-After, single and batch, and nothing is written
        String during = Infra.uniquePostId();
        Reply refused = http.post("/v1/posts", CALMSPACE_KEY, post(during));
        assertProblem(refused, 503, "Redis");
        assertThat(refused.json().get("type").asText()).endsWith("/redis-unavailable");
        assertThat(refused.header("Retry-After")).hasValue("4");
        assertProblem(http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[" + post(during) + "]}"), 503, "Redis");
        assertProblem(http.delete("/v1/posts/" + during, CALMSPACE_KEY), 503, "Redis");
        Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().at("/details/redis/status").asText()).isEqualTo("DOWN");
        try (TopicReader topic = new TopicReader(SharedInfra.kafkaBootstrapServers(), TOPIC)) {
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, during))).isEmpty();
        }

        // When Redis is back
        redis.start();

        // Then the refused post is accepted, and the earlier one is still a duplicate
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Reply retry = http.post("/v1/posts", CALMSPACE_KEY, post(during));
                    assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
                    assertThat(retry.json().get("status").asText()).isEqualTo("ACCEPTED");
                });
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post(before))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DUPLICATE");
        assertThat(http.get("/health").status()).isEqualTo(200);
        try (TopicReader topic = new TopicReader(SharedInfra.kafkaBootstrapServers(), TOPIC)) {
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, during))).hasSize(1);
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, before))).hasSize(1);
        }
    }
}
