package dev.modpipe.review.decision;

/** A decision that is well-formed but not allowed on this item (400); the message names the field. */
public class InvalidDecisionException extends RuntimeException {
    public InvalidDecisionException(String field, String problem) {
        super(field + ": " + problem);
    }
}
