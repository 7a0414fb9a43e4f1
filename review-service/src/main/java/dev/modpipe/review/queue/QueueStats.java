package dev.modpipe.review.queue;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of the queue for the gauges.
 *
 * @param byClass waiting items per class
 * @param claimed items leased to moderators
 * @param escalated items waiting for leads
 */
public record QueueStats(Map<QueueClass, ClassStats> byClass, long claimed, long escalated) {

    /**
     * @param depth unclaimed items of the class in the moderators' lane
     * @param oldestAge the age of the oldest of them (zero when none)
     * @param overdue how many of them are past the class's SLA
     */
    public record ClassStats(long depth, Duration oldestAge, long overdue) {}
}
