package dev.modpipe.review.api;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.queue.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;

/**
 * What to claim: optionally only a category, a risk, a language; {@code lane} ESCALATED (leads)
 * claims from the escalated items.
 */
@Serdeable
public record ClaimRequest(
        @Nullable Category category,
        @Nullable RiskLevel risk,
        @Nullable @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag")
                String language,
        @Nullable Lane lane) {}
