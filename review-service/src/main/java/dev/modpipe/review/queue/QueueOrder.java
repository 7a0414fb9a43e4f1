package dev.modpipe.review.queue;

import dev.modpipe.model.EventJson;
import dev.modpipe.review.store.RedisKeys;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which moderators get items, as a list of score ranges over the per-class sorted
 * sets (scored by the time the post was received, so each range is oldest first):
 *
 * <ol>
 *   <li>IMMINENT, then HIGH (whatever their age);
 *   <li>overdue items of the other classes, by class (threat, other self-harm, harmful,
 *       misinformation);
 *   <li>the items of those classes still within their SLA, by class.
 * </ol>
 *
 * Claims (in Lua) and listings (in Java) walk the same ranges, so both show the same order.
 * Thread-safe.
 */
@Singleton
public final class QueueOrder {
    private final RedisKeys keys;
    private final SlaPolicy sla;

    public QueueOrder(RedisKeys keys, SlaPolicy sla) {
        this.keys = keys;
        this.sla = sla;
    }

    /** One score range of one sorted set. {@code min} and {@code max} use Redis range syntax. */
    public record Segment(String key, String min, String max, QueueClass queueClass, boolean overdue) {}

    public List<Segment> segments(Lane lane, Instant now) {
        List<Segment> segments = new ArrayList<>();
        if (lane == Lane.ESCALATED) {
            segments.add(new Segment(keys.escalated(), "-inf", "+inf", null, false));
            return segments;
        }
        List<QueueClass> rising = new ArrayList<>();
        for (QueueClass c : QueueClass.values()) {
            if (c.risesWhenOverdue()) {
                rising.add(c);
            } else {
                segments.add(new Segment(keys.waiting(c.name()), "-inf", "+inf", c, false));
            }
        }
        for (QueueClass c : rising) {
            long cutoff = sla.overdueBefore(c, now).toEpochMilli();
            segments.add(new Segment(keys.waiting(c.name()), "-inf", "(" + cutoff, c, true));
        }
        for (QueueClass c : rising) {
            long cutoff = sla.overdueBefore(c, now).toEpochMilli();
            segments.add(new Segment(keys.waiting(c.name()), Long.toString(cutoff), "+inf", c, false));
        }
        return segments;
    }

    /** The segments as a JSON array of [key, min, max], for the claim script. */
    public static String toJson(List<Segment> segments) {
        return EventJson.writeString(
                segments.stream().map(s -> List.of(s.key(), s.min(), s.max())).toList());
    }
}
