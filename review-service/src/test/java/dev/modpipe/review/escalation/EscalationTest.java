package dev.modpipe.review.escalation;

import static dev.modpipe.review.support.Escalations.DOWN;
import static dev.modpipe.review.support.Escalations.FLAKY;
import static dev.modpipe.review.support.Escalations.PAGER;
import static dev.modpipe.review.support.Escalations.PRIMARY;
import static dev.modpipe.review.support.Escalations.SECONDARY;
import static dev.modpipe.review.support.Escalations.SLACK;
import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.ONCALL;
import static dev.modpipe.review.support.ReviewApp.json;
import static dev.modpipe.review.support.WebhookReceiver.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.AlertState;
import dev.modpipe.model.CrisisAlertEvent;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.support.Escalations;
import dev.modpipe.review.support.KafkaTopics;
import dev.modpipe.review.support.ReviewApp;
import dev.modpipe.review.support.Verdicts;
import dev.modpipe.review.support.WebhookReceiver;
import java.net.http.HttpResponse;
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
 * Crisis escalation end to end: verdicts on the real broker, state in the real Redis, on-call
 * channels as a real HTTP server. Tier 1 has a generic webhook, PagerDuty, Slack, a webhook that
 * fails twice per alert and one that is down; tier 2 a generic webhook; ack timeout 2 s.
 */
class EscalationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static WebhookReceiver receiver;
    private static ReviewApp app;
    private static KafkaTopics kafka;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver().failFirst(FLAKY, 2).down(DOWN);
        Map<String, Object> props = ReviewApp.properties(SharedInfra.redisUrl(), SharedInfra.kafkaBootstrapServers());
        Escalations.policy(props, receiver, "2s");
        app = ReviewApp.start(props);
        kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
        receiver.close();
    }

    private static String scope() {
        StringBuilder s = new StringBuilder("e");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private void publish(PostClassified verdict) {
        kafka.send(app.topic("classified"), verdict.key(), verdict);
    }

    private static PostClassified imminent(String platform, String postId) {
        return Verdicts.post(postId)
                .platform(platform)
                .author("author-secret-77")
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .build();
    }

    /** Waits for tier 1's generic webhook about the post and returns the alert id. */
    private static String awaitAlert(String postId) {
        await().atMost(WAIT)
                .until(() -> !receiver.received(PRIMARY, about(postId)).isEmpty());
        return receiver.received(PRIMARY, about(postId))
                .get(0)
                .body()
                .get("alertId")
                .asText();
    }

    private static JsonNode alert(String alertId) {
        return json(app.get("/v1/alerts/" + alertId, ONCALL));
    }

    private static List<String> historyEvents(JsonNode alert) {
        List<String> events = new ArrayList<>();
        alert.get("history").forEach(h -> events.add(h.get("event").asText()));
        return events;
    }

    private List<CrisisAlertEvent> alertEvents(String alertId, int atLeast) {
        return kafka.records(app.topic("alerts"), r -> alertId.equals(r.key()), WAIT, atLeast).stream()
                .map(ConsumerRecord::value)
                .map(v -> EventJson.read(v, CrisisAlertEvent.class))
                .toList();
    }

    @Test
    void shouldNotifyEveryTier1ChannelWithinSecondsOfAnImminentPost() {
        String platform = scope();
        publish(Verdicts.post(platform + "-earlier")
                .platform(platform)
                .author("author-secret-77")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .receivedAgo(Duration.ofHours(2))
                .build());
        PostClassified verdict = imminent(platform, platform + "-tonight");
        Instant published = Instant.now();
        publish(verdict);

        String alertId = awaitAlert(platform + "-tonight");
        WebhookReceiver.Received generic =
                receiver.received(PRIMARY, about(platform + "-tonight")).get(0);
        assertThat(Duration.between(published, generic.at())).isLessThan(Duration.ofSeconds(10));
        JsonNode body = generic.body();
        assertThat(body.get("event").asText()).isEqualTo("trigger");
        assertThat(body.get("risk").asText()).isEqualTo("IMMINENT");
        assertThat(body.get("tier").asInt()).isEqualTo(1);
        assertThat(body.get("tierName").asText()).isEqualTo("oncall-primary");
        assertThat(body.get("platform").asText()).isEqualTo(platform);
        assertThat(body.get("link").asText())
                .isEqualTo("https://" + platform + ".example/posts/" + platform + "-tonight");
        assertThat(body.get("evidence").get(0).get("cue").asText()).isEqualTo("timeline");
        assertThat(body.get("evidence").get(0).get("text").asText()).isEqualTo("tonight");
        assertThat(body.get("authorRecentHistory")).anySatisfy(h -> {
            assertThat(h.get("postId").asText()).isEqualTo(platform + "-earlier");
            assertThat(h.get("risk").asText()).isEqualTo("MODERATE");
        });
        assertThat(generic.raw()).doesNotContain("author-secret-77");

        // PagerDuty Events v2 and Slack shapes
        await().atMost(WAIT)
                .until(() -> !receiver.received(PAGER, about(alertId)).isEmpty()
                        && !receiver.received(SLACK, about(platform + "-tonight"))
                                .isEmpty());
        JsonNode pd = receiver.received(PAGER, about(alertId)).get(0).body();
        assertThat(pd.get("routing_key").asText()).isEqualTo(Escalations.ROUTING_KEY);
        assertThat(pd.get("event_action").asText()).isEqualTo("trigger");
        assertThat(pd.get("dedup_key").asText()).isEqualTo(alertId);
        assertThat(pd.get("payload").get("summary").asText())
                .contains("IMMINENT")
                .contains(platform + "-tonight");
        assertThat(pd.get("payload").get("severity").asText()).isEqualTo("critical");
        assertThat(pd.get("payload").get("source").asText()).isEqualTo("modpipe/" + platform);
        assertThat(receiver.received(PAGER, about(alertId)).get(0).raw()).doesNotContain("author-secret-77");
        JsonNode slack =
                receiver.received(SLACK, about(platform + "-tonight")).get(0).body();
        assertThat(slack.get("text").asText()).contains("IMMINENT").contains(platform + "-tonight");
        assertThat(slack.get("blocks").size()).isGreaterThanOrEqualTo(3);
        assertThat(slack.get("blocks").get(0).get("type").asText()).isEqualTo("section");

        // the OPEN transition is on the alerts topic, keyed by the alert id
        CrisisAlertEvent open = alertEvents(alertId, 1).get(0);
        assertThat(open)
                .isEqualTo(new CrisisAlertEvent(
                        1,
                        alertId,
                        platform,
                        platform + "-tonight",
                        json(app.get("/v1/alerts/" + alertId, ONCALL))
                                .get("itemId")
                                .asText(),
                        RiskLevel.IMMINENT,
                        AlertState.OPEN,
                        1,
                        "oncall-primary",
                        open.at(),
                        null));

        // on-call staff and leads see it; moderators may not
        HttpResponse<String> list = app.get("/v1/alerts?state=OPEN", ONCALL);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(alertId).doesNotContain("author-secret-77");
        assertThat(app.get("/v1/alerts?state=OPEN", LEAD).body()).contains(alertId);
        assertThat(app.get("/v1/alerts", MOD_A).statusCode()).isEqualTo(403);
        assertThat(app.get("/metrics", null).body()).contains("review_alerts_time_to_first_notification_seconds_count");
    }

    @Test
    void shouldEscalateToTier2WhenTheAlertIsNotAcknowledgedAndStopAfterTheLastTier() {
        String platform = scope();
        publish(imminent(platform, platform + "-unanswered"));
        String alertId = awaitAlert(platform + "-unanswered");

        await().atMost(WAIT)
                .until(() -> !receiver.received(SECONDARY, about(alertId)).isEmpty());

        JsonNode tier2 = receiver.received(SECONDARY, about(alertId)).get(0).body();
        assertThat(tier2.get("tier").asInt()).isEqualTo(2);
        assertThat(tier2.get("tierName").asText()).isEqualTo("oncall-secondary");
        assertThat(tier2.get("state").asText()).isEqualTo("ESCALATED");
        List<CrisisAlertEvent> events = alertEvents(alertId, 2);
        assertThat(events).extracting(CrisisAlertEvent::state).containsExactly(AlertState.OPEN, AlertState.ESCALATED);
        assertThat(events.get(1).tier()).isEqualTo(2);
        assertThat(events.get(1).target()).isEqualTo("oncall-secondary");
        // no repeat is configured: after tier 2's timeout the policy is exhausted, the alert stays open
        await().atMost(WAIT).until(() -> alert(alertId).get("exhausted").asBoolean());
        JsonNode exhausted = alert(alertId);
        assertThat(exhausted.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(historyEvents(exhausted)).containsSubsequence("OPENED", "ESCALATED", "EXHAUSTED");
        assertThat(receiver.received(SECONDARY, about(alertId))).hasSize(1);
        JsonNode audit = json(app.get("/v1/audit?itemId=" + alertId, LEAD)).get("entries");
        assertThat(audit)
                .extracting(e -> e.get("action").asText())
                .containsExactly("ALERT_OPENED", "ALERT_ESCALATED", "ALERT_EXHAUSTED");
    }

    @Test
    void shouldStopEscalatingOnceAcknowledgedAndTellPagerDutyOfAckAndResolve() {
        String platform = scope();
        publish(imminent(platform, platform + "-acked"));
        String alertId = awaitAlert(platform + "-acked");

        HttpResponse<String> acked = app.post("/v1/alerts/" + alertId + "/ack", ONCALL, null);

        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(json(acked).get("state").asText()).isEqualTo("ACKED");
        assertThat(json(acked).get("ackedBy").asText()).isEqualTo(ONCALL);
        await().atMost(WAIT).until(() -> receiver.received(PAGER, about(alertId)).stream()
                .anyMatch(r -> r.body().get("event_action").asText().equals("acknowledge")));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received(SECONDARY, about(alertId)).isEmpty());
        assertThat(app.post("/v1/alerts/" + alertId + "/ack", MOD_A, null).statusCode())
                .isEqualTo(403);
        assertThat(app.post("/v1/alerts/" + alertId + "/ack", LEAD, null).statusCode())
                .as("leads see alerts; acknowledging is on-call's")
                .isEqualTo(403);

        HttpResponse<String> resolved = app.post("/v1/alerts/" + alertId + "/resolve", ONCALL, null);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).get("state").asText()).isEqualTo("RESOLVED");
        await().atMost(WAIT).until(() -> receiver.received(PAGER, about(alertId)).stream()
                .anyMatch(r -> r.body().get("event_action").asText().equals("resolve")));
        assertThat(receiver.received(PAGER, about(alertId)).stream()
                        .filter(r -> r.body().get("event_action").asText().equals("resolve"))
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .get("dedup_key")
                        .asText())
                .isEqualTo(alertId);
        assertThat(app.post("/v1/alerts/" + alertId + "/ack", ONCALL, null).statusCode())
                .isEqualTo(409);
        assertThat(app.post("/v1/alerts/00000000-0000-0000-0000-000000000000/ack", ONCALL, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(alertEvents(alertId, 3))
                .extracting(CrisisAlertEvent::state)
                .containsExactly(AlertState.OPEN, AlertState.ACKED, AlertState.RESOLVED);
        assertThat(alertEvents(alertId, 3).get(1).by()).isEqualTo(ONCALL);
    }

    @Test
    void shouldRetryAFailingWebhookWhileTheOtherChannelsGetTheirMessage() {
        String platform = scope();
        publish(imminent(platform, platform + "-flaky"));
        String alertId = awaitAlert(platform + "-flaky");
        Instant primaryAt = receiver.received(PRIMARY, about(alertId)).get(0).at();

        await().atMost(WAIT)
                .until(() -> !receiver.received(FLAKY, about(alertId)).isEmpty());
        assertThat(receiver.attempts(FLAKY, alertId)).isEqualTo(3);
        assertThat(receiver.received(FLAKY, about(alertId)).get(0).at()).isAfter(primaryAt);

        // the target that is down gives up after max-attempts; both are in the alert's history
        await().atMost(WAIT).until(() -> historyEvents(alert(alertId)).contains("DELIVERY_FAILED"));
        List<JsonNode> history = new ArrayList<>();
        alert(alertId).get("history").forEach(history::add);
        assertThat(history)
                .filteredOn(h -> "flaky".equals(h.path("target").asText()))
                .extracting(h -> h.get("event").asText())
                .containsExactly("DELIVERY_RETRY", "DELIVERY_RETRY", "DELIVERY_DELIVERED");
        assertThat(history)
                .filteredOn(h -> "down".equals(h.path("target").asText()))
                .extracting(h -> h.get("event").asText())
                .containsExactly("DELIVERY_RETRY", "DELIVERY_RETRY", "DELIVERY_RETRY", "DELIVERY_FAILED");
        assertThat(history)
                .filteredOn(h -> "down".equals(h.path("target").asText()))
                .allSatisfy(h -> assertThat(h.get("detail").asText()).isEqualTo("HTTP 503"));
        String metrics = app.get("/metrics", null).body();
        assertThat(metrics)
                .containsPattern("review_alerts_delivery_failures_total\\{channel=\"WEBHOOK\",final=\"true\"} [1-9]");
        assertThat(metrics)
                .containsPattern("review_alerts_delivery_failures_total\\{channel=\"WEBHOOK\",final=\"false\"} [1-9]");
    }

    @Test
    void shouldCancelTheAlertWhenThePostIsDeleted() {
        String platform = scope();
        publish(imminent(platform, platform + "-deleted"));
        String alertId = awaitAlert(platform + "-deleted");

        publish(Verdicts.post(platform + "-deleted")
                .platform(platform)
                .revision(2)
                .deleted());

        await().atMost(WAIT).until(() -> alert(alertId).get("state").asText().equals("CANCELLED"));
        assertThat(alert(alertId).get("cancelReason").asText()).contains("deleted");
        await().atMost(WAIT).until(() -> receiver.received(PAGER, about(alertId)).stream()
                .anyMatch(r -> r.body().get("event_action").asText().equals("resolve")));
    }

    @Test
    void shouldCancelTheAlertWhenAModeratorApprovesWithTheSelfHarmLabelCorrectedToFalse() {
        String platform = scope();
        String language = platform.substring(1);
        publish(Verdicts.post(platform + "-joke")
                .platform(platform)
                .language(language)
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .build());
        String alertId = awaitAlert(platform + "-joke");
        await().atMost(WAIT)
                .until(() -> app.post("/v1/queue/claim", MOD_A, "{\"language\":\"" + language + "\"}")
                                .statusCode()
                        == 200);
        String itemId = alert(alertId).get("itemId").asText();

        HttpResponse<String> approved = app.post(
                "/v1/items/" + itemId + "/decision",
                MOD_A,
                "{\"action\":\"APPROVE\",\"reason\":\"song lyrics\",\"labelCorrection\":{\"SELF_HARM\":false}}");

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode cancelled = alert(alertId);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText())
                .contains("SELF_HARM=false")
                .contains(MOD_A);
    }

    @Test
    void shouldRaiseAnAuthorWithRepeatedModeratePostsToHighAndAlert() {
        String platform = scope();
        String language = platform.substring(1);
        for (int i = 1; i <= 3; i++) {
            publish(Verdicts.post(platform + "-moderate-" + i)
                    .platform(platform)
                    .language(language)
                    .author("repeat-author")
                    .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                    .receivedAgo(Duration.ofMinutes(10 - i))
                    .build());
        }

        await().atMost(WAIT)
                .until(() -> json(app.get("/v1/queue?language=" + language, MOD_A))
                                .get("items")
                                .size()
                        == 3);
        // The three posts have different keys, so the intake threads may take them in any order:
        // whichever is counted third is the one raised (the author's third MODERATE post in 24 h).
        JsonNode items = json(app.get("/v1/queue?language=" + language, MOD_A)).get("items");
        List<String> raised = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode item : items) {
            (item.get("risk").asText().equals("HIGH") ? raised : others)
                    .add(item.get("postId").asText());
        }
        assertThat(raised).hasSize(1);
        assertThat(items.get(0).get("postId").asText()).isEqualTo(raised.get(0));
        assertThat(items.get(0).get("raisedFrom").asText()).isEqualTo("MODERATE");
        assertThat(items.get(0).get("priorityClass").asText()).isEqualTo("HIGH");
        assertThat(items.get(1).get("risk").asText()).isEqualTo("MODERATE");
        String alertId = awaitAlert(raised.get(0));
        assertThat(alert(alertId).get("risk").asText()).isEqualTo("HIGH");
        for (String other : others) {
            assertThat(receiver.received(PRIMARY, about(other))).isEmpty();
        }
        assertThat(receiver.received(PAGER, about(alertId)).isEmpty()
                        || receiver.received(PAGER, about(alertId))
                                .get(0)
                                .body()
                                .at("/payload/severity")
                                .asText()
                                .equals("error"))
                .isTrue();
    }
}
