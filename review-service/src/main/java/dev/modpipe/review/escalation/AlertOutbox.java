package dev.modpipe.review.escalation;

import java.time.Duration;
import java.util.List;

/**
 * Alert transitions waiting to be published to {@code moderation.alerts.v1}, in order. One instance
 * at a time relays them (a lock in Redis), so the topic sees each alert's transitions in order.
 */
public interface AlertOutbox {

    /** An event in the outbox: its stream id and the {@code CrisisAlertEvent} JSON. */
    record Pending(String id, String alertId, String json) {}

    boolean lock(String owner, Duration ttl);

    void unlock(String owner);

    /** Events after the last published one, oldest first. */
    List<Pending> pending(int limit);

    /** Records that events up to {@code id} are on Kafka; false when the lock was lost. */
    boolean markPublished(String owner, String id);
}
