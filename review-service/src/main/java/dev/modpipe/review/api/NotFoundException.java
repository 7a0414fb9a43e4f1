package dev.modpipe.review.api;

/** The thing a request names does not exist (404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
