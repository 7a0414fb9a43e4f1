package dev.modpipe.review.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notification jobs: each due job is taken by one instance at a time, under a lease. */
public interface DeliveryStore {

    /** A job taken for one attempt. */
    record Claimed(String deliveryId, int attempt) {}

    /** How an attempt went. */
    enum Outcome {
        DELIVERED,
        RETRY,
        FAILED,
        SKIPPED
    }

    /** The result of recording an attempt; {@code first} when it was the alert's first notification. */
    record Finished(boolean first, boolean stale, Instant receivedAt, Instant openedAt) {}

    List<Claimed> claim(int limit, Duration lease);

    Optional<Delivery> find(String deliveryId);

    Finished finish(
            String deliveryId, int attempt, Outcome outcome, Instant nextAttempt, String detail, String channel);
}
