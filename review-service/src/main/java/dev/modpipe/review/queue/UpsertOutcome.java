package dev.modpipe.review.queue;

/** What applying one verdict did to the queue. */
public enum UpsertOutcome {
    /** A new item was opened. */
    CREATED,
    /** The post's open item took the new revision (its class and risk never go down while open). */
    UPDATED,
    /** The new revision is not flagged, but the open item stays for a person (self-harm, claimed or escalated). */
    KEPT,
    /** The open item was closed (post deleted, or no longer flagged). */
    CLOSED,
    /** A deletion of a post without an open item. */
    NOOP,
    /** Not flagged, no open item: nothing to review. */
    NOT_FLAGGED,
    /** This revision was applied before (a redelivery). */
    DUPLICATE,
    /** An older revision than one already applied. */
    STALE,
    /** The post was deleted; later verdicts are ignored. */
    IGNORED_DELETED
}
