package dev.modpipe.ingest.intake;

/** What became of one submitted post. */
public enum SubmissionStatus {
    /** Kafka acknowledged the event. */
    ACCEPTED,
    /** The same post revision was accepted before; nothing new was written. */
    DUPLICATE,
    /** Not accepted: invalid, or (retryable) not written. Batch items only. */
    REJECTED
}
