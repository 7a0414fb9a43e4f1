package dev.modpipe.review.claims;

import dev.modpipe.model.ModerationAction;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueFilter;
import dev.modpipe.review.queue.ReviewItem;
import java.time.Duration;
import java.util.Optional;

/**
 * Claims on review items and their leases: where a claim is granted atomically, where a lease ends,
 * and where "only the holder decides" is enforced. Every change is audited.
 */
public interface ClaimStore {

    /**
     * Leases the highest-priority open item of the lane that matches the filter to the user (none
     * when nothing matches), after returning items whose lease ended. Atomic across threads and
     * service instances.
     */
    Claim claim(String user, QueueFilter filter, Lane lane, Duration lease);

    /** The claimed item, if any, and how many ended leases the claim returned to the queue first. */
    record Claim(Optional<ReviewItem> item, int leasesEnded) {}

    /**
     * Returns a claimed item to its lane.
     *
     * @param force a lead releasing someone else's claim
     * @throws dev.modpipe.review.queue.ItemNotFoundException when there is no such item
     * @throws ClaimConflictException when the item is not claimed, or (without force) by someone else
     */
    void release(String itemId, String user, boolean force);

    /**
     * Checks that the user holds a live lease and makes it last at least {@code atLeast} more, so it
     * cannot end while the decision is published. Returns the item.
     */
    ReviewItem holdForDecision(String itemId, String user, Duration atLeast);

    /**
     * Records a decision that Kafka acknowledged: ESCALATE moves the item to the leads' lane, other
     * actions close it. Only the holder may.
     */
    void recordDecision(String itemId, String user, ModerationAction action, String decisionJson);

    /** Returns items whose lease ended to their lanes; the number returned. */
    int reapExpired(int limit);
}
