package dev.modpipe.review.queue;

import io.micronaut.core.annotation.Nullable;

/**
 * What the queue remembers about a post: the highest revision applied, its open item, whether it
 * was deleted.
 */
public record PostState(int revision, @Nullable String openItemId, boolean deleted) {
    public static final PostState UNKNOWN = new PostState(0, null, false);

    /** Whether a verdict of this revision would change nothing (a redelivery, an older revision, a deleted post). */
    public boolean isSettled(int incomingRevision) {
        return deleted || incomingRevision <= revision;
    }
}
