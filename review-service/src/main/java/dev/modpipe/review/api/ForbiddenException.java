package dev.modpipe.review.api;

/** The caller is authenticated but lacks the role for this variant of a call (403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
