package dev.modpipe.ingest.publish;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.infra.KafkaBroker;
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
 * A broker stopped mid-test: posts are refused with 503 and Retry-After within a few seconds,
 * nothing is half-accepted, and once the broker is back the same posts are accepted (not answered
 * DUPLICATE) and written exactly once.
 */
class KafkaOutageTest {
    private static final String TOPIC = Infra.uniqueTopic("kafka-outage");

    private KafkaBroker broker;
    private RunningService service;
    private Http http;

    @BeforeEach
    void start() {
        broker = KafkaBroker.onFreePorts().start();
        broker.createTopics(Map.of(TOPIC, 3));
        // Tight bounds: a write Kafka does not acknowledge within ~3.5 s is answered 503.
        service = RunningService.start(
                broker.bootstrapServers(),
                SharedInfra.redisUrl(),
                TOPIC,
                Map.of(
                        "ingest.kafka.max-block", "1s",
                        "ingest.kafka.request-timeout", "1s",
                        "ingest.kafka.delivery-timeout", "1500ms",
                        "ingest.kafka.retry-after", "3s"));
        http = service.http();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        broker.close();
    }

    private static String post(String postId) {
        return "{\"postId\":\"%s\",\"authorId\":\"u\",\"body\":\"text\"}".formatted(postId);
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndAcceptTheRetryOnceItIsBack() {
        // Given a running pipeline that accepted a post
        String before = Infra.uniquePostId();
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post(before)).status()).isEqualTo(202);
        assertThat(http.get("/health").json().at("/details/kafka/status").asText())
                .isEqualTo("UP");

        // When the broker stops
        broker.stop();

        // Then a post is refused with 503 and Retry-After, promptly
        String during = Infra.uniquePostId();
        long start = System.nanoTime();
        Reply refused = http.post("/v1/posts", CALMSPACE_KEY, post(during));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertProblem(refused, 503, "nothing was accepted");
        assertThat(refused.json().get("type").asText()).endsWith("/kafka-unavailable");
        assertThat(refused.header("Retry-After")).hasValue("3");
        assertThat(took).isLessThan(Duration.ofSeconds(10));

        // And so is a batch, as a whole
        String batchPost = Infra.uniquePostId();
        Reply batch = http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[" + post(batchPost) + "]}");
        assertProblem(batch, 503, "nothing was accepted");

        // And health says Kafka is down
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Reply health = http.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/details/kafka/status").asText()).isEqualTo("DOWN");
        });

        // When the broker is back
        broker.start();

        // Then the very same posts are accepted, not answered DUPLICATE: their reservations were released
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Reply retry = http.post("/v1/posts", CALMSPACE_KEY, post(during));
                    assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
                    assertThat(retry.json().get("status").asText()).isEqualTo("ACCEPTED");
                });
        Reply batchRetry = http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[" + post(batchPost) + "]}");
        assertThat(batchRetry.json().at("/results/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, post(before))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DUPLICATE");

        // And each post is on the topic exactly once
        try (TopicReader topic = new TopicReader(broker.bootstrapServers(), TOPIC)) {
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, before))).hasSize(1);
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, during))).hasSize(1);
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, batchPost))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/health").status()).isEqualTo(200));
    }
}
