package dev.modpipe.review.queue;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * The moderators' queue: one open item per post, ordered by {@link QueueOrder}. Every change is
 * atomic and audited. Claims and leases live in {@link dev.modpipe.review.claims.ClaimStore}.
 */
public interface ReviewQueue {

    /** What the queue knows of a post. */
    PostState postState(String postKey);

    /**
     * Applies one verdict: opens, updates or closes the post's item. Idempotent: a redelivered or
     * older revision changes nothing.
     */
    UpsertResult apply(ItemUpdate update);

    Optional<ReviewItem> find(String itemId);

    /** A page of waiting items of a lane, highest priority first. */
    QueuePage list(QueueFilter filter, Lane lane, int limit, @Nullable String cursor);

    /** Items leased to moderators, lease ending soonest first. */
    List<ReviewItem> claimed(int limit);

    /** An author's most recent flagged items on a platform, newest first. */
    List<ReviewItem> authorHistory(String platform, String authorId, int limit);

    /**
     * Marks items that went past their SLA since the last sweep (once per item) and returns their
     * classes, for the breach counter.
     */
    List<QueueClass> sweepSla(int limit);

    QueueStats stats();
}
