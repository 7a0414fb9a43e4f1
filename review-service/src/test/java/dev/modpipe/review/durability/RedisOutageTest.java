package dev.modpipe.review.durability;

import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.RedisServer;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.support.KafkaTopics;
import dev.modpipe.review.support.ReviewApp;
import dev.modpipe.review.support.Verdicts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Restarts and outages of Redis (with AOF) and restarts of the service lose no item and no claim. */
class RedisOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RedisServer redis;
    private static KafkaTopics kafka;

    @BeforeAll
    static void start() {
        redis = RedisServer.onFreePort().start();
        kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        redis.close();
    }

    private static List<String> queued(ReviewApp app) {
        List<String> ids = new ArrayList<>();
        json(app.get("/v1/queue", MOD_A))
                .get("items")
                .forEach(i -> ids.add(i.get("postId").asText()));
        return ids;
    }

    private static RecordMetadata publish(ReviewApp app, PostClassified verdict) {
        return kafka.send(app.topic("classified"), verdict.key(), verdict);
    }

    @Test
    void shouldKeepOpenItemsAndClaimsAcrossRestartsOfRedisAndOfTheService() {
        Map<String, Object> props = ReviewApp.properties(redis.url(), SharedInfra.kafkaBootstrapServers());
        String claimedId;
        try (ReviewApp app = ReviewApp.start(props)) {
            publish(app, Verdicts.post("kept-open").harmful(Subcategory.HATE).build());
            publish(
                    app,
                    Verdicts.post("kept-claimed")
                            .selfHarm(RiskLevel.HIGH, Subcategory.IDEATION)
                            .build());
            await().atMost(WAIT).until(() -> queued(app).size() == 2);
            JsonNode claimed = json(app.post("/v1/queue/claim", MOD_A, "{}"));
            claimedId = claimed.get("itemId").asText();
            assertThat(claimed.get("postId").asText()).isEqualTo("kept-claimed");

            // a clean restart of Redis, then a crash: the append-only file has everything
            redis.stop();
            redis.start();
            redis.kill();
            redis.start();

            await().atMost(WAIT).untilAsserted(() -> assertThat(queued(app)).containsExactly("kept-open"));
            assertThat(json(app.get("/v1/queue/claims", LEAD)))
                    .singleElement()
                    .satisfies(i -> assertThat(i.get("holder").asText()).isEqualTo(MOD_A));
        }

        // a new service instance on the same Redis sees the same queue and honours the claim
        try (ReviewApp app = ReviewApp.start(props)) {
            assertThat(queued(app)).containsExactly("kept-open");
            assertThat(app.post(
                                    "/v1/items/" + claimedId + "/decision",
                                    ReviewApp.MOD_B,
                                    "{\"action\":\"REMOVE\",\"reason\":\"x\"}")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(app.post(
                                    "/v1/items/" + claimedId + "/decision",
                                    MOD_A,
                                    "{\"action\":\"REMOVE\",\"reason\":\"x\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldNotCommitTheOffsetWhileRedisIsDownAndApplyTheVerdictWhenItIsBack() {
        Map<String, Object> props = ReviewApp.properties(redis.url(), SharedInfra.kafkaBootstrapServers());
        try (ReviewApp app = ReviewApp.start(props)) {
            String group = (String) props.get("review.intake.group-id");
            String topic = app.topic("classified");
            RecordMetadata first = publish(
                    app,
                    Verdicts.post("before-outage").harmful(Subcategory.SCAM).build());
            await().atMost(WAIT).until(() -> kafka.committed(group, topic, first.partition()) > first.offset());

            redis.stop();
            try {
                RecordMetadata during = publish(
                        app,
                        Verdicts.post("before-outage")
                                .revision(2)
                                .harmful(Subcategory.THREAT)
                                .build());
                assertThat(during.partition()).isEqualTo(first.partition());

                // while Redis is down the record is retried and its offset stays uncommitted
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> kafka.committed(group, topic, during.partition()) <= during.offset());
                assertThat(app.get("/health", null).statusCode()).isEqualTo(503);
            } finally {
                redis.start();
            }

            // once Redis is back the verdict is applied and only then committed
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode items = json(app.get("/v1/queue", MOD_A)).get("items");
                assertThat(items).anySatisfy(i -> {
                    assertThat(i.get("postId").asText()).isEqualTo("before-outage");
                    assertThat(i.get("revision").asInt()).isEqualTo(2);
                    assertThat(i.get("priorityClass").asText()).isEqualTo("THREAT");
                });
            });
            await().atMost(WAIT).until(() -> kafka.committed(group, topic, first.partition()) > first.offset() + 1);
            assertThat(app.get("/health", null).statusCode()).isEqualTo(200);
        }
    }
}
