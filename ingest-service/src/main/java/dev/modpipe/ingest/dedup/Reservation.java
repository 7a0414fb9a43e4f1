package dev.modpipe.ingest.dedup;

/** What {@link DuplicateGuard#reserve} found for one key. */
public enum Reservation {
    /** The key is now held by this request until it confirms or releases it. */
    RESERVED,
    /** The same submission was accepted before: answer DUPLICATE and write nothing. */
    DUPLICATE,
    /** Another request holds the key right now; its outcome is not known yet. */
    IN_PROGRESS
}
