package dev.modpipe.review.queue;

/** A listing cursor that this service did not hand out. */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException() {
        super("cursor is not a cursor of this listing");
    }
}
