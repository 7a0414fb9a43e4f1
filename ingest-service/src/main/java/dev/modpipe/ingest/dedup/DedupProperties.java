package dev.modpipe.ingest.dedup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Duplicate detection, bound from {@code ingest.dedup.*}.
 *
 * @param ttl how long an accepted submission is remembered: a resubmission within it is answered
 *     DUPLICATE; after it, the same revision would be accepted again
 * @param pendingTtl how long a reservation of a submission in flight lives if its instance dies
 *     before confirming or releasing it; must exceed the Kafka acknowledgement bound
 */
@ConfigurationProperties("ingest.dedup")
public record DedupProperties(
        @Bindable(defaultValue = "7d") @NotNull Duration ttl,
        @Bindable(defaultValue = "30s") @NotNull Duration pendingTtl) {}
