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
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>{@link #start(String)} runs it as the end-to-end tests do; {@link #builder()} sets the number of
 * partitions and classifier instances, the services' JVM options and extra environment (the
 * benchmark runs it that way).
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
    /** The first classifier instance; {@link #classifiers()} lists all of them. */
    public final ServiceProcess classifier;

    public final ServiceProcess review;
    private final List<ServiceProcess> classifiers = new CopyOnWriteArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final Builder settings;
    private final Path root;
    private final int ingestPort = Ports.free();
    private final int reviewPort = Ports.free();

    private Pipeline(Builder settings) {
        this.settings = settings;
        root = settings.root.toAbsolutePath().normalize();
        kafka = KafkaBroker.onFreePorts().start();
        Map<String, Integer> topics = new HashMap<>();
        Topics.ALL.forEach(t -> topics.put(t.defaultName(), settings.partitions));
        kafka.createTopics(topics);
        redis = RedisServer.onFreePort().start();
        webhook = new WebhookReceiver();

        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("REDIS_URL", redis.url());
        env.put("INGEST_PORT", String.valueOf(ingestPort));
        env.put("REVIEW_PORT", String.valueOf(reviewPort));
        env.put("ESCALATION_WEBHOOK_URL", webhook.url());
        env.put("ESCALATION_ACK_TIMEOUT", settings.ackTimeout);
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        env.put("SPRING_PROFILES_ACTIVE", "dev");
        env.putAll(settings.env);

        ingest = ServiceProcess.ofJar(
                "ingest-service",
                root.resolve("ingest-service/target/ingest-service.jar"),
                settings.jvmOptionsOf("ingest-service"),
                env,
                "http://localhost:" + ingestPort + "/health",
                "http://localhost:" + ingestPort + "/metrics",
                logDir());
        classifier = newClassifier();
        review = ServiceProcess.ofJar(
                "review-service",
                root.resolve("review-service/target/review-service.jar"),
                settings.jvmOptionsOf("review-service"),
                env,
                "http://localhost:" + reviewPort + "/health",
                "http://localhost:" + reviewPort + "/metrics",
                logDir());
    }

    /** The system as the end-to-end tests run it: 3 partitions, one classifier, the tests' JVM options. */
    public static Pipeline start(String ackTimeout) {
        return builder().ackTimeout(ackTimeout).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to run the system: partitions, classifier instances, JVM options and extra environment. */
    public static final class Builder {
        private String ackTimeout = "60s";
        private int partitions = 3;
        private int classifiers = 1;
        private List<String> jvmOptions = ServiceProcess.TEST_JVM_OPTIONS;
        private final Map<String, List<String>> serviceJvmOptions = new HashMap<>();
        private final Map<String, String> env = new HashMap<>();
        private Path root = Path.of(System.getProperty("modpipe.root", "../.."));
        private Path logDir;

        private Builder() {}

        /** The escalation policy's ack timeout ({@code ESCALATION_ACK_TIMEOUT}). */
        public Builder ackTimeout(String ackTimeout) {
            this.ackTimeout = ackTimeout;
            return this;
        }

        /** Partitions of every topic of the catalogue (default 3). */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1");
            }
            this.partitions = partitions;
            return this;
        }

        /** Classifier instances started with the system (default 1), one consumer group. */
        public Builder classifiers(int classifiers) {
            if (classifiers < 1) {
                throw new IllegalArgumentException("classifiers must be at least 1");
            }
            this.classifiers = classifiers;
            return this;
        }

        /** JVM options of every service (default {@link ServiceProcess#TEST_JVM_OPTIONS}). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** JVM options of one service ({@code ingest-service}, {@code classifier-service}, {@code review-service}). */
        public Builder jvmOptions(String service, List<String> options) {
            serviceJvmOptions.put(service, List.copyOf(options));
            return this;
        }

        /** An environment variable for every service (after the pipeline's own, so it can override them). */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** The repository root, where the service jars are built (default: {@code modpipe.root} or ../..). */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Where the services' logs go (default deploy/e2e/target/e2e-logs). */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        List<String> jvmOptionsOf(String service) {
            return serviceJvmOptions.getOrDefault(service, jvmOptions);
        }

        public Pipeline start() {
            Pipeline pipeline = new Pipeline(this);
            try {
                pipeline.review.start();
                pipeline.classifier.start();
                for (int i = 1; i < classifiers; i++) {
                    pipeline.addClassifier();
                }
                pipeline.ingest.start();
                return pipeline;
            } catch (RuntimeException e) {
                pipeline.close();
                throw e;
            }
        }
    }

    private Path logDir() {
        return settings.logDir != null ? settings.logDir : root.resolve("deploy/e2e/target/e2e-logs");
    }

    private ServiceProcess newClassifier() {
        int port = Ports.free();
        Map<String, String> instanceEnv = new HashMap<>(env);
        instanceEnv.put("CLASSIFIER_PORT", String.valueOf(port));
        int number = classifiers.size() + 1;
        ServiceProcess instance = ServiceProcess.ofJar(
                number == 1 ? "classifier-service" : "classifier-service-" + number,
                root.resolve("classifier-service/target/classifier-service.jar"),
                settings.jvmOptionsOf("classifier-service"),
                instanceEnv,
                "http://localhost:" + port + "/actuator/health",
                "http://localhost:" + port + "/actuator/prometheus",
                logDir());
        classifiers.add(instance);
        return instance;
    }

    /** Starts one more classifier instance in the same consumer group; it takes a share of the partitions. */
    public ServiceProcess addClassifier() {
        return newClassifier().start();
    }

    /** Every classifier instance, the first one first. */
    public List<ServiceProcess> classifiers() {
        return List.copyOf(classifiers);
    }

    /** Every service process: ingest, the classifiers, review. */
    public List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(ingest);
        all.addAll(classifiers);
        all.add(review);
        return all;
    }

    /** Partitions of each topic. */
    public int partitions() {
        return settings.partitions;
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
        List<ServiceProcess> running = new ArrayList<>();
        running.add(ingest);
        running.addAll(classifiers);
        running.add(review);
        for (ServiceProcess service : running) {
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
