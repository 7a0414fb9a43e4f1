package dev.modpipe.ingest.intake;

import dev.modpipe.ingest.dedup.DedupKey;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A validated post submission of an authenticated platform, still carrying the platform's raw
 * author id: it never leaves the service in this form ({@link #toEvent} takes the pseudonym).
 * {@link #toString()} leaves out the text and the raw author id, so it is safe to log.
 */
public record Submission(
        EventType type,
        String platform,
        String postId,
        int revision,
        @Nullable String threadId,
        @Nullable String rawAuthorId,
        @Nullable String title,
        @Nullable String body,
        @Nullable String language,
        @Nullable Instant createdAt) {

    /** A DELETED event's submission: only the post and the revision. */
    public static Submission deletion(String platform, String postId, int revision) {
        return new Submission(EventType.DELETED, platform, postId, revision, null, null, null, null, null, null);
    }

    public DedupKey dedupKey() {
        return DedupKey.of(platform, postId, revision, type);
    }

    /**
     * The event to publish.
     *
     * @throws dev.modpipe.model.InvalidEventException if the submission breaks an invariant of the
     *     contract that validation missed
     */
    public PostEvent toEvent(@Nullable String authorPseudonym, Instant receivedAt) {
        return new PostEvent(
                PostEvent.CURRENT_SCHEMA_VERSION,
                type,
                platform,
                postId,
                revision,
                threadId,
                authorPseudonym,
                title,
                body,
                language,
                createdAt,
                receivedAt);
    }

    @Override
    public String toString() {
        return "Submission[" + type + " " + platform + ":" + postId + " revision " + revision + "]";
    }
}
