package dev.modpipe.classifier.support;

import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import java.time.Instant;

/** Posts as ingest writes them to {@code moderation.posts.v1}, for the classifier's tests and benchmarks. */
public final class TestPosts {
    public static final Instant CREATED_AT = Instant.parse("2026-11-21T10:00:00Z");
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-21T10:00:01Z");
    public static final String THREAD_ID = "t-9";
    public static final String AUTHOR_ID = "a-3f9c";

    private TestPosts() {}

    /** A post received at {@link #RECEIVED_AT}. */
    public static PostEvent post(EventType type, String platform, String postId, int revision, String body) {
        return post(type, platform, postId, revision, body, RECEIVED_AT);
    }

    public static PostEvent post(
            EventType type, String platform, String postId, int revision, String body, Instant receivedAt) {
        return new PostEvent(
                1, type, platform, postId, revision, THREAD_ID, AUTHOR_ID, null, body, null, CREATED_AT, receivedAt);
    }
}
