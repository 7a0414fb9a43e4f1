package dev.modpipe.review.api;

import static dev.modpipe.review.support.ReviewApp.ADMIN;
import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.MOD_B;
import static dev.modpipe.review.support.ReviewApp.ONCALL;
import static dev.modpipe.review.support.ReviewApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.Category;
import dev.modpipe.model.DeadLetterHeaders;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.support.KafkaTopics;
import dev.modpipe.review.support.ReviewApp;
import dev.modpipe.review.support.Verdicts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API end to end: verdicts arrive on the real broker, the queue lives in the real Redis,
 * decisions are read back from the decisions topic. Each test uses its own platform and language so
 * the tests of this class never see each other's items.
 */
class ReviewApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ReviewApp app;
    private static KafkaTopics kafka;

    @BeforeAll
    static void start() {
        Map<String, Object> props = ReviewApp.properties(SharedInfra.redisUrl(), SharedInfra.kafkaBootstrapServers());
        app = ReviewApp.start(props);
        kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    /** A platform and a language of one test's own. */
    private record Scope(String platform, String language) {
        static Scope fresh() {
            StringBuilder lang = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                lang.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
            return new Scope("p" + lang, lang.toString());
        }

        Verdicts.Builder post(String postId) {
            return Verdicts.post(postId).platform(platform).language(language);
        }
    }

    private void publish(PostClassified verdict) {
        kafka.send(app.topic("classified"), verdict.key(), verdict);
    }

    private static List<String> postIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("postId").asText()));
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailPart);
    }

    @Test
    void shouldListVerdictsFromKafkaHighestPriorityFirst() {
        Scope s = Scope.fresh();
        publish(s.post("misinfo")
                .misinformation()
                .receivedAgo(Duration.ofMinutes(30))
                .build());
        publish(s.post("threat")
                .harmful(Subcategory.THREAT)
                .receivedAgo(Duration.ofMinutes(20))
                .build());
        publish(s.post("imminent")
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .build());

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A))))
                        .containsExactly("imminent", "threat", "misinfo"));

        JsonNode imminent = json(app.get("/v1/queue?risk=IMMINENT&language=" + s.language(), MOD_A))
                .get("items")
                .get(0);
        assertThat(imminent.get("priorityClass").asText()).isEqualTo("IMMINENT");
        assertThat(imminent.get("platform").asText()).isEqualTo(s.platform());
        assertThat(imminent.get("state").asText()).isEqualTo("OPEN");
        assertThat(imminent.get("overdue").asBoolean()).isFalse();
        assertThat(postIds(json(app.get("/v1/queue?category=MISINFORMATION&language=" + s.language(), ADMIN))))
                .containsExactly("misinfo");
        JsonNode firstPage = json(app.get("/v1/queue?limit=2&language=" + s.language(), LEAD));
        assertThat(postIds(firstPage)).containsExactly("imminent", "threat");
        assertThat(postIds(json(app.get(
                        "/v1/queue?limit=2&language=" + s.language() + "&cursor="
                                + firstPage.get("nextCursor").asText(),
                        MOD_A))))
                .containsExactly("misinfo");
    }

    @Test
    void shouldClaimDecideAndPublishTheDecisionOnlyByTheHolder() {
        Scope s = Scope.fresh();
        publish(s.post("cry").selfHarm(RiskLevel.HIGH, Subcategory.IDEATION).build());
        await().atMost(WAIT)
                .until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                                .size()
                        == 1);
        String filter = "{\"language\":\"" + s.language() + "\"}";

        // mod-a claims it; mod-b finds nothing left
        HttpResponse<String> claimed = app.post("/v1/queue/claim", MOD_A, filter);
        assertThat(claimed.statusCode()).isEqualTo(200);
        JsonNode item = json(claimed);
        String itemId = item.get("itemId").asText();
        assertThat(item.get("holder").asText()).isEqualTo(MOD_A);
        assertThat(item.get("state").asText()).isEqualTo("CLAIMED");
        assertThat(Instant.parse(item.get("leaseExpiresAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(app.post("/v1/queue/claim", MOD_B, filter).statusCode()).isEqualTo(204);

        // only the holder decides
        String decision = "{\"action\":\"SEND_RESOURCES\",\"reason\":\"author at risk, resources offered\","
                + "\"labelCorrection\":{\"HARMFUL\":false}}";
        assertProblem(app.post("/v1/items/" + itemId + "/decision", MOD_B, decision), 409, "claimed by another user");
        HttpResponse<String> decided = app.post("/v1/items/" + itemId + "/decision", MOD_A, decision);
        assertThat(decided.statusCode()).isEqualTo(200);
        Instant decidedAt = Instant.parse(json(decided).get("decidedAt").asText());

        // the whole decision is on the decisions topic, keyed platform:postId
        ConsumerRecord<String, byte[]> record =
                kafka.await(app.topic("decisions"), r -> (s.platform() + ":cry").equals(r.key()), WAIT);
        assertThat(EventJson.read(record.value(), ModerationDecision.class))
                .isEqualTo(new ModerationDecision(
                        1,
                        s.platform(),
                        "cry",
                        itemId,
                        ModerationAction.SEND_RESOURCES,
                        "author at risk, resources offered",
                        MOD_A,
                        decidedAt,
                        Map.of(Category.HARMFUL, false)));

        // the item is closed and a second decision conflicts
        JsonNode detail = json(app.get("/v1/items/" + itemId, MOD_B));
        assertThat(detail.get("item").get("state").asText()).isEqualTo("DECIDED");
        assertThat(detail.get("decision").get("action").asText()).isEqualTo("SEND_RESOURCES");
        assertThat(postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A))))
                .isEmpty();
        assertProblem(app.post("/v1/items/" + itemId + "/decision", MOD_A, decision), 409, "not claimed");

        // every state change is audited, with who, when, before and after
        JsonNode audit = json(app.get("/v1/audit?itemId=" + itemId, LEAD)).get("entries");
        assertThat(audit).extracting(e -> e.get("action").asText()).containsExactly("ENQUEUED", "CLAIMED", "DECIDED");
        assertThat(audit).extracting(e -> e.get("actor").asText()).containsExactly("intake", MOD_A, MOD_A);
        assertThat(audit.get(1).get("before").get("state").asText()).isEqualTo("OPEN");
        assertThat(audit.get(1).get("after").get("holder").asText()).isEqualTo(MOD_A);
        assertThat(audit.get(2).get("after").get("state").asText()).isEqualTo("DECIDED");
        assertThat(audit.get(2).get("detail").asText()).contains("SEND_RESOURCES");
        assertThat(json(app.get(
                                "/v1/audit?itemId=" + itemId + "&since="
                                        + decidedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                                LEAD))
                        .get("entries"))
                .extracting(e -> e.get("action").asText())
                .containsExactly("DECIDED");
        assertThat(app.get("/v1/audit?itemId=" + itemId, MOD_A).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldShowEvidenceAndTheAuthorsRecentFlaggedHistory() {
        Scope s = Scope.fresh();
        publish(s.post("earlier")
                .author("author-77")
                .harmful(Subcategory.HARASSMENT)
                .receivedAgo(Duration.ofHours(3))
                .build());
        publish(s.post("now")
                .author("author-77")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .build());
        await().atMost(WAIT)
                .until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                                .size()
                        == 2);
        String itemId = json(app.get("/v1/queue?category=SELF_HARM&language=" + s.language(), MOD_A))
                .get("items")
                .get(0)
                .get("itemId")
                .asText();

        JsonNode detail = json(app.get("/v1/items/" + itemId, MOD_A));

        assertThat(detail.get("classification").get("selfHarmRisk").asText()).isEqualTo("MODERATE");
        assertThat(detail.get("evidence").get(0).get("cue").asText()).isEqualTo("timeline");
        assertThat(detail.get("evidence").get(0).get("start").asInt()).isEqualTo(10);
        assertThat(detail.get("authorRef").asText()).isEqualTo("author-77");
        assertThat(detail.get("authorHistory")).hasSize(1);
        assertThat(detail.get("authorHistory").get(0).get("postId").asText()).isEqualTo("earlier");
        assertThat(detail.get("authorHistory").get(0).get("priorityClass").asText())
                .isEqualTo("HARMFUL");
    }

    @Test
    void shouldReleaseOnlyForTheHolderOrALead() {
        Scope s = Scope.fresh();
        publish(s.post("r").harmful(Subcategory.HATE).build());
        await().atMost(WAIT)
                .until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                                .size()
                        == 1);
        String filter = "{\"language\":\"" + s.language() + "\"}";
        String itemId =
                json(app.post("/v1/queue/claim", MOD_A, filter)).get("itemId").asText();

        assertProblem(app.post("/v1/items/" + itemId + "/release", MOD_B, null), 409, "claimed by another user");
        HttpResponse<String> released = app.post("/v1/items/" + itemId + "/release", MOD_A, null);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json(released).get("state").asText()).isEqualTo("OPEN");

        json(app.post("/v1/queue/claim", MOD_B, filter));
        assertThat(json(app.get("/v1/queue/claims", LEAD)))
                .anySatisfy(i -> assertThat(i.get("itemId").asText()).isEqualTo(itemId));
        assertThat(app.post("/v1/items/" + itemId + "/release", LEAD, null).statusCode())
                .isEqualTo(200);
        assertProblem(app.post("/v1/items/" + itemId + "/release", MOD_B, null), 409, "not claimed");
    }

    @Test
    void shouldAnswer401And403AsProblemJson() {
        HttpResponse<String> none = app.get("/v1/queue", null);
        assertProblem(none, 401, "bearer token is required");
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        HttpResponse<String> wrong = ReviewApp.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.server.getURL() + "/v1/queue"))
                        .header("Authorization", "Bearer mod1-token"));
        assertProblem(wrong, 401, "not valid");

        assertProblem(app.get("/v1/queue", ONCALL), 403, "MODERATOR");
        assertProblem(app.get("/v1/audit", MOD_A), 403, "LEAD");
        assertProblem(app.get("/v1/queue?lane=ESCALATED", MOD_A), 403, "LEAD");
        assertThat(app.get("/v1/queue?lane=ESCALATED", LEAD).statusCode()).isEqualTo(200);
        assertThat(app.get("/v1/audit?limit=1", ADMIN).statusCode()).isEqualTo(200);
        assertThat(app.post("/v1/queue/claim", ADMIN, "{\"language\":\"zzzzzzzz\"}")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void shouldAnswerBadRequestsWithProblemJsonNamingTheField() {
        String item = "/v1/items/00000000-0000-0000-0000-000000000000";
        assertProblem(app.post(item + "/decision", MOD_A, "{\"action\":"), 400, "");
        assertProblem(app.post(item + "/decision", MOD_A, "{\"reason\":\"x\"}"), 400, "action");
        assertProblem(app.post(item + "/decision", MOD_A, "{\"action\":\"REMOVE\",\"reason\":\" \"}"), 400, "reason");
        assertProblem(app.post(item + "/decision", MOD_A, "{\"action\":\"BAN\",\"reason\":\"x\"}"), 400, "");
        assertProblem(
                app.post(item + "/decision", MOD_A, "{\"action\":\"REMOVE\",\"reason\":\"x\"}"), 404, "no review item");
        assertProblem(app.get("/v1/queue?category=NOPE", MOD_A), 400, "category");
        assertProblem(app.get("/v1/queue?limit=1000", MOD_A), 400, "limit");
        assertThat(app.get("/v1/queue?limit=500", MOD_A).statusCode()).isEqualTo(200);
        assertProblem(app.get("/v1/queue?cursor=garbage", MOD_A), 400, "cursor");
        assertProblem(app.get("/v1/audit?since=yesterday", LEAD), 400, "since");
        assertProblem(app.get("/v1/items/not-an-item", MOD_A), 404, "no review item");
        assertProblem(app.get("/v1/queue/claim", MOD_A), 405, "");
        assertProblem(app.get("/v1/nothing-here", MOD_A), 404, "");
        HttpResponse<String> notJson = ReviewApp.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.server.getURL() + item + "/decision"))
                        .header("Authorization", "Bearer " + ReviewApp.token(MOD_A))
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("REMOVE")));
        assertProblem(notJson, 415, "");
    }

    @Test
    void shouldCloseTheItemWhenItsPostIsDeleted() {
        Scope s = Scope.fresh();
        publish(s.post("gone")
                .selfHarm(RiskLevel.MODERATE, Subcategory.SELF_INJURY)
                .build());
        await().atMost(WAIT)
                .until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                                .size()
                        == 1);
        String itemId = json(app.get("/v1/queue?language=" + s.language(), MOD_A))
                .get("items")
                .get(0)
                .get("itemId")
                .asText();

        publish(s.post("gone").revision(2).deleted());

        await().atMost(WAIT).until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                .isEmpty());
        JsonNode item = json(app.get("/v1/items/" + itemId, MOD_A)).get("item");
        assertThat(item.get("state").asText()).isEqualTo("CLOSED");
        assertThat(item.get("closedReason").asText()).isEqualTo("DELETED");
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndKeepConsumingThePartition() {
        Scope s = Scope.fresh();
        String key = s.platform() + ":poison";
        kafka.sendRaw(app.topic("classified"), key, "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(
                app.topic("classified"),
                key,
                ("{\"schemaVersion\":1,\"platform\":\"" + s.platform() + "\",\"postId\":\"poison\",\"revision\":1}")
                        .getBytes(StandardCharsets.UTF_8));
        publish(s.post("poison").harmful(Subcategory.SCAM).build());

        // the valid record behind the poison ones is applied
        await().atMost(WAIT).until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                .equals(List.of("poison")));
        // and both poison records are on the dead-letter topic, bytes untouched, with the reason
        List<ConsumerRecord<String, byte[]>> dead =
                kafka.records(app.topic("classified-dlq"), r -> key.equals(r.key()), WAIT, 2);
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(app.topic("classified"));
        assertThat(new String(
                        dead.get(1)
                                .headers()
                                .lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("modelVersion");
        assertThat(app.get("/metrics", null).body()).contains("review_intake_poison_total{reason=\"invalid\"}");
    }

    @Test
    void shouldServeHealthMetricsAndTheOpenApiDocument() {
        Scope s = Scope.fresh();
        publish(s.post("m").misinformation().build());
        await().atMost(WAIT)
                .until(() -> postIds(json(app.get("/v1/queue?language=" + s.language(), MOD_A)))
                                .size()
                        == 1);

        HttpResponse<String> health = app.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode details = json(health).get("details");
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
        assertThat(details.get("redis").get("status").asText()).isEqualTo("UP");
        assertThat(details.get("kafka").get("status").asText()).isEqualTo("UP");

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> metrics = app.get("/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("review_queue_depth{class=\"MISINFORMATION\"}")
                    .contains("review_queue_oldest_age_seconds{class=\"IMMINENT\"}")
                    .contains("review_queue_overdue{class=\"HARMFUL\"}")
                    .contains("review_sla_breaches_total{class=\"THREAT\"}")
                    .contains("review_decisions_total{action=\"REMOVE\"}")
                    .doesNotContain("review_queue_depth{class=\"MISINFORMATION\"} 0.0");
        });

        HttpResponse<String> openApi = app.get("/openapi/review-service.yml", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body())
                .contains("/v1/queue/claim:")
                .contains("/v1/items/{itemId}/decision:")
                .contains("/v1/audit:")
                .contains("bearer");
    }
}
