package dev.modpipe.review.queue;

/** Where a review item is in its life. */
public enum ItemState {
    /** Waiting in its lane for a moderator (or, in the escalated lane, a lead). */
    OPEN,
    /** Leased to one moderator until its lease ends. */
    CLAIMED,
    /** A person decided; the decision is on Kafka. */
    DECIDED,
    /** Closed without a decision: the post was deleted, or a later revision is no longer flagged. */
    CLOSED;

    public boolean isOpen() {
        return this == OPEN || this == CLAIMED;
    }
}
