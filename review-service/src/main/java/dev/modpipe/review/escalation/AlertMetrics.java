package dev.modpipe.review.escalation;

import dev.modpipe.model.RiskLevel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The escalation's metrics. */
@Singleton
public class AlertMetrics {
    private final MeterRegistry registry;
    private final Timer toFirstNotification;
    private final Timer toAck;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.toFirstNotification = Timer.builder("review.alerts.time.to.first.notification")
                .description(
                        "From the post's receipt (PostClassified.receivedAt) to the alert's first delivered notification")
                .publishPercentileHistogram()
                .register(registry);
        this.toAck = Timer.builder("review.alerts.time.to.ack")
                .description("From an alert's opening to its acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        for (String channel : new String[] {"WEBHOOK", "PAGERDUTY", "SLACK", "LOG"}) {
            deliveryFailures(channel, false);
            deliveryFailures(channel, true);
        }
        escalations(2);
    }

    void opened(RiskLevel risk) {
        Counter.builder("review.alerts.opened")
                .description("Crisis alerts opened, by risk")
                .tag("risk", risk.name())
                .register(registry)
                .increment();
    }

    void firstNotification(Duration sinceReceipt) {
        toFirstNotification.record(sinceReceipt.isNegative() ? Duration.ZERO : sinceReceipt);
    }

    void acknowledged(Duration sinceOpened) {
        toAck.record(sinceOpened.isNegative() ? Duration.ZERO : sinceOpened);
    }

    Counter escalations(int tier) {
        return Counter.builder("review.alerts.escalations")
                .description("Alerts escalated to a further tier (or a further pass), by tier")
                .tag("tier", Integer.toString(tier))
                .register(registry);
    }

    void delivered(String channel, DeliveryKind kind) {
        Counter.builder("review.alerts.deliveries")
                .description("Notifications delivered, by channel and kind")
                .tag("channel", channel)
                .tag("kind", kind.name())
                .register(registry)
                .increment();
    }

    Counter deliveryFailures(String channel, boolean gaveUp) {
        return Counter.builder("review.alerts.delivery.failures")
                .description("Failed notification attempts, by channel; final=true when the retries ran out")
                .tag("channel", channel)
                .tag("final", Boolean.toString(gaveUp))
                .register(registry);
    }
}
