package dev.modpipe.review.kafka;

/** Kafka did not acknowledge a record in time; nothing may be reported as done. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String topic, Throwable cause) {
        super(
                "Kafka did not acknowledge a record on " + topic + ": "
                        + (cause == null ? "unknown" : cause.getClass().getSimpleName()),
                cause);
    }
}
