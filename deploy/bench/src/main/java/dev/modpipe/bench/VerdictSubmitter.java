package dev.modpipe.bench;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.PostEvent;
import dev.modpipe.model.RiskLevel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Stands in for the classifier to measure review-service on its own: publishes to the classified
 * topic the verdict each post of the mix is written to get (benign: nothing flagged; harassment,
 * scam: HARMFUL; misinformation; self-harm: MODERATE; crisis: IMMINENT, which opens an alert), with
 * the producer settings the classifier uses.
 */
public final class VerdictSubmitter extends ProducerSubmitter {
    private static final String MODEL = "bench-stand-in";

    public VerdictSubmitter(String bootstrapServers, String topic, String platform) {
        super(bootstrapServers, topic, platform, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
    }

    @Override
    Object value(PostMix.Post post, PostEvent event, Instant now) {
        return verdictFor(post.kind(), event, now);
    }

    /** The verdict a post of this kind is written to get. */
    static PostClassified verdictFor(PostKind kind, PostEvent post, Instant at) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            scores.put(category, 0.02);
        }
        RiskLevel risk = RiskLevel.NONE;
        String subcategory = null;
        Category flag = null;
        switch (kind) {
            case HARASSMENT -> {
                flag = Category.HARMFUL;
                subcategory = "harmful/harassment";
            }
            case SCAM -> {
                flag = Category.HARMFUL;
                subcategory = "harmful/scam";
            }
            case MISINFORMATION -> {
                flag = Category.MISINFORMATION;
                subcategory = "misinformation/treatment";
            }
            case SELF_HARM -> {
                flag = Category.SELF_HARM;
                subcategory = "self_harm/ideation";
                risk = RiskLevel.MODERATE;
            }
            case CRISIS -> {
                flag = Category.SELF_HARM;
                subcategory = "self_harm/intent_plan";
                risk = RiskLevel.IMMINENT;
            }
            default -> {
                // benign and idioms: nothing flagged
            }
        }
        if (flag != null) {
            scores.put(flag, 0.93);
        }
        return new PostClassified(
                PostClassified.CURRENT_SCHEMA_VERSION,
                EventType.CREATED,
                post.platform(),
                post.postId(),
                post.revision(),
                post.threadId(),
                post.authorId(),
                "en",
                MODEL,
                at,
                post.receivedAt(),
                scores,
                subcategory == null ? Map.of() : Map.of(subcategory, 0.9),
                risk,
                flag == null ? List.of() : List.of(flag),
                flag != null,
                List.of(),
                false,
                post.fullText());
    }

    @Override
    public String describe() {
        return "verdicts straight to the classified topic (classifier stand-in)";
    }
}
