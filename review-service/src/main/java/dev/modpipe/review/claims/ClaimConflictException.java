package dev.modpipe.review.claims;

import io.micronaut.core.annotation.Nullable;

/** The caller may not act on the item's claim (409): someone else holds it, it is not claimed, or the lease ended. */
public class ClaimConflictException extends RuntimeException {
    /** Why the claim does not allow the action. */
    public enum Reason {
        NOT_HOLDER,
        NOT_CLAIMED,
        LEASE_EXPIRED
    }

    private final String itemId;
    private final Reason reason;

    public ClaimConflictException(String itemId, Reason reason, @Nullable String detail) {
        super(message(itemId, reason, detail));
        this.itemId = itemId;
        this.reason = reason;
    }

    public String itemId() {
        return itemId;
    }

    public Reason reason() {
        return reason;
    }

    private static String message(String itemId, Reason reason, String detail) {
        return switch (reason) {
            case NOT_HOLDER -> "item " + itemId + " is claimed by another user";
            case NOT_CLAIMED -> "item " + itemId + " is not claimed (it is " + detail + "); claim it first";
            case LEASE_EXPIRED -> "the lease on item " + itemId + " ended; claim it again";
        };
    }
}
