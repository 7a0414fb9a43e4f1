package dev.modpipe.review.api;

/** A request the service understands but refuses (400); the message names the field. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String field, String problem) {
        super(field + ": " + problem);
    }
}
