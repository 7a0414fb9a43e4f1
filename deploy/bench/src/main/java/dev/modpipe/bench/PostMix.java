package dev.modpipe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A realistic mix of forum posts: mostly benign, a few percent flagged, a small share of crises.
 * Post {@code i} of a run is fully determined by {@code i} and the seed. Kinds follow a golden-ratio
 * sequence, so every kind's share holds closely over any stretch of a run (crises do not bunch up);
 * the texts and authors come from a random source seeded per post. Immutable and thread-safe.
 */
public final class PostMix {
    /** The default mix: 91 % benign (4 % with dark idioms), 8 % flagged, 1 % crises. */
    public static final Map<PostKind, Double> DEFAULT_SHARES = defaultShares();

    private static final double GOLDEN = 0.6180339887498949;
    private static final int AUTHORS = 5000;
    private static final int THREADS = 800;

    /** One generated post, before a platform submits it. */
    public record Post(String postId, PostKind kind, String threadId, String rawAuthorId, String title, String body) {

        /** The post as a platform submits it to ingest ({@code PostSubmission}: raw author id). */
        public ObjectNode submission(Instant createdAt) {
            ObjectNode json = EventJson.mapper().createObjectNode();
            json.put("postId", postId);
            json.put("threadId", threadId);
            json.put("authorId", rawAuthorId);
            if (title != null) {
                json.put("title", title);
            }
            json.put("body", body);
            json.put("language", "en");
            json.put("createdAt", createdAt.toString());
            return json;
        }

        /**
         * The event a platform publishing directly to the posts topic writes: author already
         * pseudonymous, as the contract asks (the benchmark's own stable hash, not ingest's key).
         */
        public PostEvent event(String platform, Instant now) {
            String pseudonym = "a-"
                    + UUID.nameUUIDFromBytes((platform + ":" + rawAuthorId).getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .replace("-", "");
            return new PostEvent(
                    PostEvent.CURRENT_SCHEMA_VERSION,
                    EventType.CREATED,
                    platform,
                    postId,
                    1,
                    threadId,
                    pseudonym,
                    title,
                    body,
                    "en",
                    now,
                    now);
        }
    }

    private final PostKind[] kinds;
    private final double[] upperBounds;
    private final Map<PostKind, Double> shares;
    private final PostTexts texts;
    private final long seed;

    public PostMix(Map<PostKind, Double> shares, PostTexts texts, long seed) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(total - 1.0) > 1e-9 || shares.values().stream().anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("shares must be non-negative and add up to 1, not " + total);
        }
        this.shares = Map.copyOf(shares);
        this.kinds = shares.keySet().stream().sorted().toArray(PostKind[]::new);
        this.upperBounds = new double[kinds.length];
        double bound = 0;
        for (int i = 0; i < kinds.length; i++) {
            bound += shares.get(kinds[i]);
            upperBounds[i] = bound;
        }
        upperBounds[kinds.length - 1] = 1.0;
        this.texts = texts;
        this.seed = seed;
    }

    public static PostMix standard(long seed) {
        return new PostMix(DEFAULT_SHARES, PostTexts.load(), seed);
    }

    public Map<PostKind, Double> shares() {
        return shares;
    }

    /** The kind of post number {@code index} of a run. */
    public PostKind kindOf(long index) {
        double u = (index * GOLDEN + (seed & 0xffff) / 65536.0) % 1.0;
        for (int i = 0; i < kinds.length; i++) {
            if (u < upperBounds[i]) {
                return kinds[i];
            }
        }
        return kinds[kinds.length - 1];
    }

    /** Post number {@code index} of a run, with the given post id. */
    public Post post(String postId, long index) {
        PostKind kind = kindOf(index);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        PostTexts.Text text = texts.compose(kind, random);
        return new Post(
                postId,
                kind,
                "t-" + random.nextInt(THREADS),
                "member-" + random.nextInt(AUTHORS),
                text.title(),
                text.body());
    }

    private static Map<PostKind, Double> defaultShares() {
        Map<PostKind, Double> shares = new EnumMap<>(PostKind.class);
        shares.put(PostKind.BENIGN, 0.87);
        shares.put(PostKind.IDIOM, 0.04);
        shares.put(PostKind.HARASSMENT, 0.02);
        shares.put(PostKind.SCAM, 0.015);
        shares.put(PostKind.MISINFORMATION, 0.02);
        shares.put(PostKind.SELF_HARM, 0.025);
        shares.put(PostKind.CRISIS, 0.01);
        return Map.copyOf(shares);
    }
}
