package dev.modpipe.model;

/** What a moderator decided about a post. */
public enum ModerationAction {
    /** The post may stay. */
    APPROVE,
    /** The platform should take the post down. */
    REMOVE,
    /** The platform should privately show crisis resources to the author (confirmed by a person). */
    SEND_RESOURCES,
    /** The item goes to a lead. */
    ESCALATE
}
