package dev.modpipe.review.api;

/** The request conflicts with the current state (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
