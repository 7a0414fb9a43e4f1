package dev.modpipe.model;

/** The headers a dead-lettered record carries beside its original bytes. */
public final class DeadLetterHeaders {
    /** The topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    /** Why it could not be processed (never the post text). */
    public static final String EXCEPTION_MESSAGE = "x-exception-message";

    private DeadLetterHeaders() {}
}
