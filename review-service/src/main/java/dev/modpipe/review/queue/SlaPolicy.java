package dev.modpipe.review.queue;

import dev.modpipe.model.EventJson;
import dev.modpipe.review.config.QueueConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service-level target of each priority class, from {@link QueueConfig.Sla}. Immutable. */
@Singleton
public final class SlaPolicy {
    private final Map<QueueClass, Duration> targets;

    public SlaPolicy(QueueConfig config) {
        this(config.sla());
    }

    public SlaPolicy(QueueConfig.Sla sla) {
        Map<QueueClass, Duration> map = new EnumMap<>(QueueClass.class);
        map.put(QueueClass.IMMINENT, sla.imminent());
        map.put(QueueClass.HIGH, sla.high());
        map.put(QueueClass.THREAT, sla.threat());
        map.put(QueueClass.SELF_HARM, sla.selfHarm());
        map.put(QueueClass.HARMFUL, sla.harmful());
        map.put(QueueClass.MISINFORMATION, sla.misinformation());
        this.targets = Map.copyOf(map);
    }

    public Duration target(QueueClass queueClass) {
        return targets.get(queueClass);
    }

    /** Items of this class received before this instant are overdue at {@code now}. */
    public Instant overdueBefore(QueueClass queueClass, Instant now) {
        return now.minus(target(queueClass));
    }

    /** The targets in milliseconds as a JSON object, for the Lua scripts. */
    public String toJson() {
        Map<String, String> millis = new LinkedHashMap<>();
        for (QueueClass c : QueueClass.values()) {
            millis.put(c.name(), Long.toString(target(c).toMillis()));
        }
        return EventJson.writeString(millis);
    }
}
