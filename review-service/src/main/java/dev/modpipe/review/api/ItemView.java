package dev.modpipe.review.api;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.queue.ItemState;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueClass;
import dev.modpipe.review.queue.ReviewItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A review item in a listing or a claim.
 *
 * @param priorityClass the queue class (IMMINENT, HIGH, THREAT, SELF_HARM, HARMFUL, MISINFORMATION)
 * @param raisedFrom the classifier's own risk when the item's risk was raised (repeated MODERATE posts)
 * @param categories the flagged categories
 * @param receivedAt when the post was received; age and SLA count from here
 * @param overdue whether the item is past its class's SLA
 * @param holder who holds the claim, while claimed
 * @param latestRevisionFlagged false when a later revision was no longer flagged but the item stays open
 */
@Serdeable
public record ItemView(
        String itemId,
        String platform,
        String postId,
        int revision,
        ItemState state,
        Lane lane,
        QueueClass priorityClass,
        RiskLevel risk,
        @Nullable RiskLevel raisedFrom,
        List<Category> categories,
        String language,
        Instant receivedAt,
        long ageSeconds,
        @Nullable Instant slaDueAt,
        boolean overdue,
        @Nullable String holder,
        @Nullable Instant leaseExpiresAt,
        boolean latestRevisionFlagged,
        @Nullable String closedReason) {

    public static ItemView of(ReviewItem item, Instant now) {
        return new ItemView(
                item.itemId(),
                item.platform(),
                item.postId(),
                item.revision(),
                item.state(),
                item.lane(),
                item.queueClass(),
                item.risk(),
                item.raisedFrom(),
                item.flags(),
                item.language(),
                item.since(),
                Math.max(0, Duration.between(item.since(), now).toSeconds()),
                item.slaDue(),
                item.overdueAt(now),
                item.holder(),
                item.leaseUntil(),
                item.lastFlagged(),
                item.closedReason());
    }
}
