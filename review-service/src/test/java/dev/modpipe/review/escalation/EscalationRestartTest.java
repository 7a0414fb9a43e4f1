package dev.modpipe.review.escalation;

import static dev.modpipe.review.support.Escalations.PAGER;
import static dev.modpipe.review.support.Escalations.PRIMARY;
import static dev.modpipe.review.support.Escalations.SECONDARY;
import static dev.modpipe.review.support.Escalations.SLACK;
import static dev.modpipe.review.support.WebhookReceiver.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Timers live in Redis: a service restarted between tiers resumes and escalates once, and two
 * instances on one Redis notify exactly once per step.
 */
class EscalationRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, Object> properties(WebhookReceiver receiver) {
        Map<String, Object> props = ReviewApp.properties(SharedInfra.redisUrl(), SharedInfra.kafkaBootstrapServers());
        Escalations.policy(props, receiver, "3s");
        return props;
    }

    private static PostClassified imminent(String postId) {
        return Verdicts.post(postId)
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .build();
    }

    private static String alertIdOf(WebhookReceiver receiver, String postId) {
        await().atMost(WAIT)
                .until(() -> !receiver.received(PRIMARY, about(postId)).isEmpty());
        return receiver.received(PRIMARY, about(postId))
                .get(0)
                .body()
                .get("alertId")
                .asText();
    }

    @Test
    void shouldResumeAfterARestartBetweenTiersAndEscalateExactlyOnce() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                KafkaTopics kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers())) {
            Map<String, Object> props = properties(receiver);
            String postId = "restart-" + UUID.randomUUID();
            String alertId;
            try (ReviewApp first = ReviewApp.start(props)) {
                kafka.send(first.topic("classified"), Verdicts.PLATFORM + ":" + postId, imminent(postId));
                alertId = alertIdOf(receiver, postId);
                assertThat(receiver.received(SECONDARY, about(alertId))).isEmpty();
            }
            // the service is down when tier 1's timeout ends; a new one on the same Redis takes over
            try (ReviewApp second = ReviewApp.start(props)) {
                await().atMost(WAIT).until(() -> !receiver.received(SECONDARY, about(alertId))
                        .isEmpty());
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(4))
                        .until(() ->
                                receiver.received(SECONDARY, about(alertId)).size() == 1);
                assertThat(receiver.received(PRIMARY, about(alertId))).hasSize(1);
                assertThat(kafka.records(second.topic("alerts"), r -> alertId.equals(r.key()), WAIT, 2).stream()
                                .map(r -> EventJson.read(r.value(), CrisisAlertEvent.class)
                                        .state()))
                        .containsExactly(AlertState.OPEN, AlertState.ESCALATED);
            }
        }
    }

    @Test
    void shouldNotifyExactlyOncePerStepWithTwoInstances() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                KafkaTopics kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers())) {
            Map<String, Object> props = properties(receiver);
            try (ReviewApp one = ReviewApp.start(props);
                    ReviewApp two = ReviewApp.start(props)) {
                assertThat(two.server.isRunning()).isTrue();
                String postId = "twice-" + UUID.randomUUID();
                kafka.send(one.topic("classified"), Verdicts.PLATFORM + ":" + postId, imminent(postId));
                String alertId = alertIdOf(receiver, postId);

                // tier 1: one message per channel, although both instances poll for due work
                await().atMost(WAIT)
                        .until(() -> receiver.received(PAGER, about(alertId)).size() == 1
                                && receiver.received(SLACK, about(postId)).size() == 1);
                // tier 2 after the timeout: exactly once
                await().atMost(WAIT).until(() -> !receiver.received(SECONDARY, about(alertId))
                        .isEmpty());
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(4))
                        .until(() -> receiver.received(SECONDARY, about(alertId))
                                                .size()
                                        == 1
                                && receiver.received(PRIMARY, about(alertId)).size() == 1
                                && receiver.received(PAGER, about(alertId)).size() == 1);
                assertThat(
                                kafka
                                        .records(
                                                one.topic("alerts"),
                                                r -> alertId.equals(r.key()),
                                                Duration.ofSeconds(5),
                                                10)
                                        .stream()
                                        .map(r -> EventJson.read(r.value(), CrisisAlertEvent.class)
                                                .state()))
                        .containsExactly(AlertState.OPEN, AlertState.ESCALATED);
            }
        }
    }
}
