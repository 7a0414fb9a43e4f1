package dev.modpipe.bench;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.PostEvent;
import dev.modpipe.model.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for the classifier to measure review-service on its own: publishes to the classified
 * topic the verdict each post of the mix is written to get (benign: nothing flagged; harassment,
 * scam: HARMFUL; misinformation; self-harm: MODERATE; crisis: IMMINENT, which opens an alert), with
 * the producer settings the classifier uses.
 */
public final class VerdictSubmitter implements Submitter {
    private static final String MODEL = "bench-stand-in";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String platform;

    public VerdictSubmitter(String bootstrapServers, String topic, String platform) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.platform = platform;
    }

    @Override
    public CompletableFuture<Void> submit(RunLog run, int from, int count, long dueNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (count == 0) {
            done.complete(null);
            return done;
        }
        AtomicInteger open = new AtomicInteger(count);
        Instant now = Instant.now();
        for (int k = 0; k < count; k++) {
            int index = from + k;
            PostMix.Post post = run.take(index, dueNanos);
            PostClassified verdict = verdictFor(post.kind(), post.event(platform, now), now);
            producer.send(new ProducerRecord<>(topic, verdict.key(), EventJson.write(verdict)), (metadata, error) -> {
                if (error == null) {
                    run.accepted(index, System.nanoTime());
                } else {
                    run.failed(index);
                }
                if (open.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
        }
        return done;
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
    public int postsPerCall() {
        return 1;
    }

    @Override
    public String describe() {
        return "verdicts straight to the classified topic (classifier stand-in)";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
