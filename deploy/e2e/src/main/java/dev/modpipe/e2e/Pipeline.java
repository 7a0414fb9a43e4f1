package dev.modpipe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.KafkaBroker;
import dev.modpipe.infra.Ports;
import dev.modpipe.infra.RedisServer;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole system for one test class: its own real KRaft broker and Redis (so drills can stop
 * them), a webhook receiver for on-call alerts, and the three services from their built jars, in
 * the dev profile of the local run. Tests talk to it through public interfaces only: the HTTP APIs,
 * the webhook and the topics platforms consume.
 */
public final class Pipeline implements AutoCloseable {
    public static final String API_KEY = "demo-key";
    public static final String MODERATOR = "mod1-token";
    public static final String LEAD = "lead1-token";
    public static final String ONCALL = "oncall1-token";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final KafkaBroker kafka;
    public final RedisServer redis;
    public final WebhookReceiver webhook;
    public final ServiceProcess ingest;
    public final ServiceProcess classifier;
    public final ServiceProcess review;
    private final int ingestPort = Ports.free();
    private final int classifierPort = Ports.free();
    private final int reviewPort = Ports.free();

    private Pipeline(String ackTimeout) {
        Path root = Path.of(System.getProperty("modpipe.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Path logs = root.resolve("deploy/e2e/target/e2e-logs");
        kafka = KafkaBroker.onFreePorts().start();
        Map<String, Integer> topics = new HashMap<>();
        Topics.ALL.forEach(t -> topics.put(t.defaultName(), 3));
        kafka.createTopics(topics);
        redis = RedisServer.onFreePort().start();
        webhook = new WebhookReceiver();

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("REDIS_URL", redis.url());
        env.put("INGEST_PORT", String.valueOf(ingestPort));
        env.put("CLASSIFIER_PORT", String.valueOf(classifierPort));
        env.put("REVIEW_PORT", String.valueOf(reviewPort));
        env.put("ESCALATION_WEBHOOK_URL", webhook.url());
        env.put("ESCALATION_ACK_TIMEOUT", ackTimeout);
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        env.put("SPRING_PROFILES_ACTIVE", "dev");

        ingest = new ServiceProcess(
                "ingest-service",
                root.resolve("ingest-service/target/ingest-service.jar"),
                env,
                "http://localhost:" + ingestPort + "/health",
                logs);
        classifier = new ServiceProcess(
                "classifier-service",
                root.resolve("classifier-service/target/classifier-service.jar"),
                env,
                "http://localhost:" + classifierPort + "/actuator/health",
                logs);
        review = new ServiceProcess(
                "review-service",
                root.resolve("review-service/target/review-service.jar"),
                env,
                "http://localhost:" + reviewPort + "/health",
                logs);
    }

    public static Pipeline start(String ackTimeout) {
        Pipeline pipeline = new Pipeline(ackTimeout);
        try {
            pipeline.review.start();
            pipeline.classifier.start();
            pipeline.ingest.start();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    // --- HTTP -------------------------------------------------------------------------------

    public HttpResponse<String> submit(String json) {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl("/v1/posts")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> deletePost(String postId, int revision) {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl("/v1/posts/" + postId + "?revision=" + revision)))
                .header("Authorization", "Bearer " + API_KEY)
                .DELETE());
    }

    public HttpResponse<String> reviewGet(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(reviewUrl(path)))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    public HttpResponse<String> reviewPost(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(reviewUrl(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json, StandardCharsets.UTF_8)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String ingestUrl(String path) {
        return "http://localhost:" + ingestPort + path;
    }

    public String reviewUrl(String path) {
        return "http://localhost:" + reviewPort + path;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- Kafka, as a platform sees it ------------------------------------------------------------

    /** Publishes raw bytes to the posts topic, as a platform publishing directly would. */
    public void publishRaw(String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.POSTS.defaultName(), key, value))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    /** Reads a topic from the beginning until a record matches or the time runs out. */
    public List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (match.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        for (ServiceProcess service : List.of(ingest, classifier, review)) {
            if (service != null) {
                service.close();
            }
        }
        if (webhook != null) {
            webhook.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
