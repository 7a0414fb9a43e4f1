package dev.modpipe.review.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.AlertState;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.store.RedisKeys;
import dev.modpipe.review.support.RedisFixture;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The alert scripts on the real Redis: one alert per item, one escalation per step, one sender per job. */
class RedisAlertStoreTest {
    private static final EscalationPolicy.Tier TIER_1 = new EscalationPolicy.Tier(
            1,
            "oncall-primary",
            List.of(
                    new TargetConfig("a", Channel.WEBHOOK, "http://localhost:1/a", null),
                    new TargetConfig("b", Channel.SLACK, "http://localhost:1/b", null)),
            Duration.ofMinutes(5));
    private static final EscalationPolicy.Tier TIER_2 = new EscalationPolicy.Tier(
            2,
            "leads",
            List.of(new TargetConfig("c", Channel.WEBHOOK, "http://localhost:1/c", null)),
            Duration.ofMinutes(5));

    private JedisPooled jedis;
    private RedisKeys keys;
    private RedisAlertStore alerts;
    private RedisDeliveryStore deliveries;

    @BeforeEach
    void setUp() {
        jedis = new JedisPooled(URI.create(SharedInfra.redisUrl()));
        keys = new RedisKeys(RedisFixture.uniquePrefix());
        alerts = new RedisAlertStore(jedis, keys, Clock.systemUTC());
        deliveries = new RedisDeliveryStore(jedis, keys, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        jedis.close();
    }

    private NewAlert alert(String itemId, RiskLevel risk, Instant due) {
        return new NewAlert(
                EscalationService.alertIdFor(itemId),
                itemId,
                "calmspace",
                "p-" + itemId,
                risk,
                Instant.now(),
                null,
                "[]",
                TIER_1,
                due,
                "system");
    }

    @Test
    void shouldOpenOneAlertPerItemAndQueueOneNotificationPerTarget() {
        NewAlert alert = alert("item-1", RiskLevel.HIGH, Instant.now().plusSeconds(300));

        assertThat(alerts.open(alert)).isEqualTo(AlertStore.OpenOutcome.OPENED);
        assertThat(alerts.open(alert)).isEqualTo(AlertStore.OpenOutcome.EXISTS);
        assertThat(alerts.open(alert("item-1", RiskLevel.IMMINENT, Instant.now().plusSeconds(300))))
                .isEqualTo(AlertStore.OpenOutcome.RAISED);

        Alert stored = alerts.find(alert.alertId()).orElseThrow();
        assertThat(stored.state()).isEqualTo(AlertState.OPEN);
        assertThat(stored.risk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(deliveries.claim(10, Duration.ofSeconds(30)))
                .extracting(DeliveryStore.Claimed::deliveryId)
                .containsExactlyInAnyOrder(alert.alertId() + ":TRIGGER:0:1:a", alert.alertId() + ":TRIGGER:0:1:b");
        assertThat(deliveries.claim(10, Duration.ofSeconds(30))).isEmpty();
        assertThat(alerts.history(alert.alertId()))
                .extracting(AlertHistoryEntry::event)
                .containsExactly("OPENED", "RISK_RAISED");
    }

    @Test
    void shouldEscalateADueStepExactlyOnceWhenManyInstancesTry() throws Exception {
        NewAlert alert = alert("item-2", RiskLevel.IMMINENT, Instant.now().minusMillis(1));
        alerts.open(alert);
        deliveries.claim(10, Duration.ofSeconds(30));
        assertThat(alerts.dueTimers(10)).containsExactly(alert.alertId());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        Callable<AlertStore.EscalateOutcome> attempt = () -> alerts.escalate(
                alert.alertId(),
                new EscalationPolicy.Step(1, 0),
                new EscalationPolicy.Step(2, 0),
                TIER_2,
                Instant.now().plusSeconds(300));
        List<Future<AlertStore.EscalateOutcome>> results = pool.invokeAll(Collections.nCopies(8, attempt));
        pool.shutdown();

        long escalated = 0;
        for (Future<AlertStore.EscalateOutcome> r : results) {
            if (r.get() == AlertStore.EscalateOutcome.ESCALATED) {
                escalated++;
            } else {
                assertThat(r.get()).isEqualTo(AlertStore.EscalateOutcome.SKIPPED);
            }
        }
        assertThat(escalated).isEqualTo(1);
        Alert stored = alerts.find(alert.alertId()).orElseThrow();
        assertThat(stored.state()).isEqualTo(AlertState.ESCALATED);
        assertThat(stored.tier()).isEqualTo(2);
        assertThat(deliveries.claim(10, Duration.ofSeconds(30)))
                .extracting(DeliveryStore.Claimed::deliveryId)
                .containsExactly(alert.alertId() + ":TRIGGER:0:2:c");
        assertThat(alerts.dueTimers(10)).isEmpty();
    }

    @Test
    void shouldStopTheTimerOnAckAndTellOnlyTheTargetsAlreadyNotified() {
        NewAlert alert = alert("item-3", RiskLevel.IMMINENT, Instant.now().minusMillis(1));
        alerts.open(alert);
        List<DeliveryStore.Claimed> claimed = deliveries.claim(10, Duration.ofSeconds(30));
        DeliveryStore.Claimed toA = claimed.stream()
                .filter(c -> c.deliveryId().endsWith(":a"))
                .findFirst()
                .orElseThrow();
        DeliveryStore.Finished first = deliveries.finish(
                toA.deliveryId(), toA.attempt(), DeliveryStore.Outcome.DELIVERED, Instant.now(), "", "WEBHOOK");
        assertThat(first.first()).isTrue();

        assertThat(alerts.transition(alert.alertId(), AlertStore.Action.ACK, "oncall-1", ""))
                .isEqualTo(AlertStore.TransitionOutcome.OK);
        assertThat(alerts.transition(alert.alertId(), AlertStore.Action.ACK, "oncall-2", ""))
                .isEqualTo(AlertStore.TransitionOutcome.UNCHANGED);

        assertThat(alerts.dueTimers(10)).isEmpty();
        assertThat(alerts.escalate(
                        alert.alertId(),
                        new EscalationPolicy.Step(1, 0),
                        new EscalationPolicy.Step(2, 0),
                        TIER_2,
                        Instant.now()))
                .isEqualTo(AlertStore.EscalateOutcome.SKIPPED);
        assertThat(deliveries.claim(10, Duration.ofSeconds(30)))
                .extracting(DeliveryStore.Claimed::deliveryId)
                .containsExactly(alert.alertId() + ":ACKNOWLEDGE:0:1:a");
        assertThat(alerts.find(alert.alertId()).orElseThrow().ackedBy()).isEqualTo("oncall-1");
        assertThat(alerts.transition(alert.alertId(), AlertStore.Action.RESOLVE, "oncall-1", ""))
                .isEqualTo(AlertStore.TransitionOutcome.OK);
        assertThat(alerts.transition(alert.alertId(), AlertStore.Action.ACK, "oncall-1", ""))
                .isEqualTo(AlertStore.TransitionOutcome.CONFLICT);
    }
}
