package dev.modpipe.model;

import java.util.List;

/** The catalogue of the pipeline's topics, with their default names and single writers. */
public final class Topics {
    public static final String POST_KEY = "platform:postId";

    /** Posts from platforms, written by ingest-service or by a platform publishing directly. */
    public static final Topic<PostEvent> POSTS =
            new Topic<>("moderation.posts.v1", PostEvent.class, POST_KEY, "ingest-service");

    /** Posts the classifier could not read, with their original bytes and {@link DeadLetterHeaders}. */
    public static final Topic<byte[]> POSTS_DLQ =
            new Topic<>("moderation.posts.v1.dlq", byte[].class, POST_KEY, "classifier-service");

    /** One verdict per post revision. */
    public static final Topic<PostClassified> CLASSIFIED =
            new Topic<>("moderation.classified.v1", PostClassified.class, POST_KEY, "classifier-service");

    /**
     * Verdicts review-service could not read, with their original bytes and {@link DeadLetterHeaders};
     * the consumer moves on instead of blocking the partition.
     */
    public static final Topic<byte[]> CLASSIFIED_DLQ =
            new Topic<>("moderation.classified.v1.dlq", byte[].class, POST_KEY, "review-service");

    /** Moderators' decisions, consumed by platforms. */
    public static final Topic<ModerationDecision> DECISIONS =
            new Topic<>("moderation.decisions.v1", ModerationDecision.class, POST_KEY, "review-service");

    /** Every transition of a crisis alert, keyed by alert id. */
    public static final Topic<CrisisAlertEvent> ALERTS =
            new Topic<>("moderation.alerts.v1", CrisisAlertEvent.class, "alertId", "review-service");

    public static final List<Topic<?>> ALL = List.of(POSTS, POSTS_DLQ, CLASSIFIED, CLASSIFIED_DLQ, DECISIONS, ALERTS);

    private Topics() {}
}
