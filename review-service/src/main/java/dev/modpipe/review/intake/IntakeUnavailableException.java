package dev.modpipe.review.intake;

/** Redis or Kafka is unavailable: the record is retried and its offset is not committed. */
public class IntakeUnavailableException extends RuntimeException {
    public IntakeUnavailableException(Throwable cause) {
        super("cannot store a verdict now: " + cause.getClass().getSimpleName(), cause);
    }
}
