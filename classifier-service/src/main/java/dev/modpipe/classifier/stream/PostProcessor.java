package dev.modpipe.classifier.stream;

import dev.modpipe.classifier.engine.Classification;
import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.InvalidEventException;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.PostEvent;
import java.time.Clock;
import java.time.Instant;

/**
 * The processor's logic, without Kafka: a record's bytes in, a {@link PostClassified} or the reason
 * it is poison out. Created and edited posts are classified (an edit again, in full); deleted posts
 * pass through as {@link PostClassified#deleted} so the review side closes their item in order.
 * Thread-safe.
 */
public final class PostProcessor {
    private final ClassificationEngine engine;
    private final int maxMessageBytes;
    private final Clock clock;

    public PostProcessor(ClassificationEngine engine, int maxMessageBytes, Clock clock) {
        this.engine = engine;
        this.maxMessageBytes = maxMessageBytes;
        this.clock = clock;
    }

    /** What became of a record. */
    public sealed interface Outcome permits Classified, Poison {}

    /** The verdict to publish. */
    public record Classified(PostClassified event) implements Outcome {}

    /** A record that can never be processed; {@code reason} names the problem, never the content. */
    public record Poison(String reason) implements Outcome {}

    public Outcome process(byte[] value) {
        if (value == null || value.length == 0) {
            return new Poison("value is empty");
        }
        if (value.length > maxMessageBytes) {
            return new Poison("value is " + value.length + " bytes, more than the limit of " + maxMessageBytes);
        }
        PostEvent post;
        try {
            post = EventJson.read(value, PostEvent.class);
        } catch (InvalidEventException e) {
            return new Poison(e.getMessage());
        }
        Instant now = clock.instant();
        if (post.type() == EventType.DELETED) {
            return new Classified(PostClassified.deleted(post, engine.modelVersion(), now));
        }
        String text = post.fullText();
        Classification c = engine.classify(text, post.language());
        return new Classified(new PostClassified(
                PostClassified.CURRENT_SCHEMA_VERSION,
                post.type(),
                post.platform(),
                post.postId(),
                post.revision(),
                post.threadId(),
                post.authorId(),
                c.language(),
                c.modelVersion(),
                now,
                post.receivedAt(),
                c.scores(),
                c.subcategories(),
                c.selfHarmRisk(),
                c.flags(),
                c.flagged(),
                c.evidence(),
                c.degraded(),
                text));
    }
}
