package dev.modpipe.review.auth;

/**
 * What a user of the review API may do. LEAD can do what MODERATOR can; ADMIN can do everything.
 * ONCALL works crisis alerts only.
 */
public enum Role {
    /** Works the queue: list, claim, release, decide. */
    MODERATOR,
    /** Also reads the audit log, works the escalated lane, releases others' claims, reads alerts. */
    LEAD,
    /** Reads, acknowledges and resolves crisis alerts. */
    ONCALL,
    /** Everything. */
    ADMIN;

    /** Whether a user with this role may do what {@code required} allows. */
    public boolean grants(Role required) {
        return switch (this) {
            case ADMIN -> true;
            case LEAD -> required == LEAD || required == MODERATOR;
            case MODERATOR -> required == MODERATOR;
            case ONCALL -> required == ONCALL;
        };
    }
}
