package dev.modpipe.review.api;

import dev.modpipe.model.Category;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** A published {@link ModerationDecision}, as on {@code moderation.decisions.v1}. */
@Serdeable
public record DecisionView(
        int schemaVersion,
        String platform,
        String postId,
        String itemId,
        ModerationAction action,
        String reason,
        String moderator,
        Instant decidedAt,
        Map<Category, Boolean> labelCorrection) {

    public static DecisionView of(ModerationDecision d) {
        return new DecisionView(
                d.schemaVersion(),
                d.platform(),
                d.postId(),
                d.itemId(),
                d.action(),
                d.reason(),
                d.moderator(),
                d.decidedAt(),
                d.labelCorrection());
    }
}
