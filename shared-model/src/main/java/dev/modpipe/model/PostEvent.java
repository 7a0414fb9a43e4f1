package dev.modpipe.model;

import java.time.Instant;

/**
 * A post created, edited or deleted on a forum platform: the value on {@link Topics#POSTS}.
 *
 * <p>{@code authorId} is already pseudonymous (a keyed hash made by ingest or by the platform);
 * no raw author id ever travels in this event.
 */
public record PostEvent(
        int schemaVersion,
        EventType type,
        String platform,
        String postId,
        int revision,
        String threadId,
        String authorId,
        String title,
        String body,
        String language,
        Instant createdAt,
        Instant receivedAt) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    public static final int MAX_BODY_LENGTH = 20_000;
    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_ID_LENGTH = 128;

    public PostEvent {
        Checks.schemaVersion(schemaVersion);
        Checks.notNull(type, "type");
        Checks.matches(platform, Checks.PLATFORM, "platform");
        Checks.matches(postId, Checks.POST_ID, "postId");
        if (revision < 1) {
            throw new InvalidEventException("revision", "must be at least 1");
        }
        if (type == EventType.EDITED && revision < 2) {
            throw new InvalidEventException("revision", "must be at least 2 for an edit");
        }
        Checks.maxLength(threadId, MAX_ID_LENGTH, "threadId");
        Checks.maxLength(authorId, MAX_ID_LENGTH, "authorId");
        Checks.maxLength(title, MAX_TITLE_LENGTH, "title");
        Checks.maxLength(language, 16, "language");
        if (type != EventType.DELETED) {
            Checks.required(authorId, "authorId");
            Checks.required(body, "body");
            Checks.maxLength(body, MAX_BODY_LENGTH, "body");
        }
    }

    /** The record key on every topic: {@code platform:postId}. */
    public String key() {
        return PostKey.of(platform, postId);
    }

    /** The title and body as one text, as the classifier reads them. */
    public String fullText() {
        if (title == null || title.isBlank()) {
            return body == null ? "" : body;
        }
        return body == null ? title : title + "\n" + body;
    }

    public PostEvent withReceivedAt(Instant at) {
        return new PostEvent(
                schemaVersion,
                type,
                platform,
                postId,
                revision,
                threadId,
                authorId,
                title,
                body,
                language,
                createdAt,
                at);
    }
}
