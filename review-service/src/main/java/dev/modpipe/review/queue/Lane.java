package dev.modpipe.review.queue;

/** The two queues an item can wait in. */
public enum Lane {
    /** The moderators' queue. */
    MAIN,
    /** Items a moderator escalated, for leads. */
    ESCALATED
}
