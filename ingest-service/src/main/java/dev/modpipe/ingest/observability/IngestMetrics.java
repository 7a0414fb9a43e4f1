package dev.modpipe.ingest.observability;

import dev.modpipe.model.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The service's own meters, exposed on {@code /metrics}:
 *
 * <ul>
 *   <li>{@code ingest_posts_accepted_total{platform,type}}: posts Kafka acknowledged;
 *   <li>{@code ingest_posts_duplicate_total{platform}}: resubmissions answered DUPLICATE;
 *   <li>{@code ingest_rejected_total{platform,reason}}: answers with a problem (reason is the problem
 *       slug, e.g. {@code invalid_request}, {@code rate_limited}) and rejected batch items;
 *   <li>{@code ingest_request_duration_seconds{endpoint,outcome}}: latency histogram of the v1 calls;
 *   <li>{@code ingest_kafka_ack_duration_seconds}: time from send to the broker's acknowledgement.
 * </ul>
 *
 * Thread-safe.
 */
@Singleton
public final class IngestMetrics {
    /** The platform tag of answers given before the caller was authenticated. */
    public static final String NO_PLATFORM = "none";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final Timer kafkaAck;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.kafkaAck = Timer.builder("ingest.kafka.ack.duration")
                .description("Time from handing a post to the producer until the broker acknowledged it")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    public void accepted(String platform, EventType type, int count) {
        Counter.builder("ingest.posts.accepted")
                .description("Posts written to Kafka and acknowledged")
                .tag("platform", platform)
                .tag("type", type.name())
                .register(registry)
                .increment(count);
    }

    public void duplicate(String platform, int count) {
        Counter.builder("ingest.posts.duplicate")
                .description("Resubmissions of an accepted post revision, answered DUPLICATE")
                .tag("platform", platform)
                .register(registry)
                .increment(count);
    }

    public void rejected(String platform, String reason, int count) {
        Counter.builder("ingest.rejected")
                .description("Requests answered with a problem, and rejected batch items, by reason")
                .tag("platform", platform == null ? NO_PLATFORM : platform)
                .tag("reason", reason)
                .register(registry)
                .increment(count);
    }

    public void requestDuration(String endpoint, int status, Duration duration) {
        Timer.builder("ingest.request.duration")
                .description("Latency of the v1 calls, from the controller's start to the answer")
                .tag("endpoint", endpoint)
                .tag("outcome", String.valueOf(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(duration);
    }

    public void kafkaAck(Duration duration) {
        kafkaAck.record(duration);
    }
}
