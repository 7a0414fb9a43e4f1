package dev.modpipe.review.escalation;

import dev.modpipe.model.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * What opening an alert needs.
 *
 * @param authorKey {@code platform:pseudonymousAuthorId}, or null
 * @param evidenceJson the verdict's evidence spans as a JSON array
 * @param firstTier tier 1 of the policy
 * @param due when tier 2 (or the next pass) is notified unless acknowledged
 */
public record NewAlert(
        String alertId,
        String itemId,
        String platform,
        String postId,
        RiskLevel risk,
        @Nullable Instant receivedAt,
        @Nullable String authorKey,
        String evidenceJson,
        EscalationPolicy.Tier firstTier,
        Instant due,
        String actor) {

    public List<String> targets() {
        return firstTier.targetNames();
    }
}
