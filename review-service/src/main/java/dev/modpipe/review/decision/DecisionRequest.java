package dev.modpipe.review.decision;

import dev.modpipe.model.Category;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A moderator's decision on the item they hold.
 *
 * @param action APPROVE, REMOVE, SEND_RESOURCES (the platform privately shows crisis resources to
 *     the author: confirmed by this person) or ESCALATE (to leads)
 * @param reason why, in the moderator's words
 * @param labelCorrection categories the classifier got wrong, e.g. {@code {"SELF_HARM": false}}
 */
@Serdeable
public record DecisionRequest(
        @NotNull ModerationAction action,
        @NotBlank @Size(max = ModerationDecision.MAX_REASON_LENGTH) String reason,
        @Nullable Map<Category, Boolean> labelCorrection) {}
