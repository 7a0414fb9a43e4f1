package dev.modpipe.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.classifier.ClassifierApplication;
import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.support.TestPosts;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * At-least-once across a hard crash: the service runs as its own JVM, is killed with SIGKILL while
 * it is working through a backlog, and then (1) every input record below a committed offset has its
 * result on the output topic (nothing was committed before its result was durable), and (2) after a
 * restart every post has a result (no loss).
 */
class CrashRecoveryTest {
    private static final int POSTS = 600;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String postsTopic = "crash-posts-" + suffix;
    private final String classifiedTopic = "crash-classified-" + suffix;
    private final String dlqTopic = "crash-dlq-" + suffix;
    private final String group = "crash-classifier-" + suffix;
    private Process child;
    private ConfigurableApplicationContext restarted;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    private List<String> args() {
        return List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + SharedInfra.kafkaBootstrapServers(),
                "--classifier.topics.posts=" + postsTopic,
                "--classifier.topics.classified=" + classifiedTopic,
                "--classifier.topics.posts-dlq=" + dlqTopic,
                "--spring.cloud.stream.bindings.classify-in-0.group=" + group,
                // the killed member's partitions are handed over after this, not after 45 s
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
                // small polls, so that the kill lands between commits of a running backlog
                "--spring.cloud.stream.kafka.binder.consumer-properties.max.poll.records=50",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    @Test
    void shouldHaveEveryCommittedRecordsResultAfterAKillAndLoseNothingAfterARestart() throws Exception {
        SharedInfra.kafka().createTopics(Map.of(postsTopic, 3, classifiedTopic, 3, dlqTopic, 1));
        List<String> texts = Corpus.readDirectory(Path.of("corpus")).stream()
                .map(LabelledPost::text)
                .toList();
        Map<TopicPartition, List<String>> inputKeys = produce(texts);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ClassifierApplication.class.getName()));
        command.addAll(args());
        File log = Path.of("target", "crash-test-service-" + suffix + ".log").toFile();
        child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers()))) {
            // kill it hard once it has committed part of the backlog (it is still working on the rest)
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> committed(admin) >= POSTS / 10);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long committed = offsets.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
            assertThat(committed).as("killed before the whole backlog was done").isLessThan(POSTS);

            // (1) every record below a committed offset has its result on the output topic
            Set<String> results = readKeys(WAIT, -1);
            List<String> mustHave = new ArrayList<>();
            offsets.forEach((tp, om) -> mustHave.addAll(inputKeys.get(tp).subList(0, (int) om.offset())));
            assertThat(mustHave).hasSize((int) committed);
            assertThat(results).containsAll(mustHave);
        }

        // (2) a restart finishes the backlog: every post has a result
        restarted = new SpringApplicationBuilder(ClassifierApplication.class).run(args().toArray(String[]::new));
        Set<String> all = readKeys(WAIT, POSTS);
        Set<String> expected = new HashSet<>();
        inputKeys.values().forEach(expected::addAll);
        assertThat(all).containsAll(expected);
    }

    private long committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /** Writes the posts; returns each input partition's keys in offset order. */
    private Map<TopicPartition, List<String>> produce(List<String> texts) throws Exception {
        Map<TopicPartition, List<String>> keys = new HashMap<>();
        try (KafkaTestClient kafka = new KafkaTestClient(SharedInfra.kafkaBootstrapServers())) {
            for (int i = 0; i < POSTS; i++) {
                String id = "c-" + i;
                String key = "crash:" + id;
                var meta = kafka.send(
                        postsTopic,
                        key,
                        EventJson.write(
                                TestPosts.post(EventType.CREATED, "crash", id, 1, texts.get(i % texts.size()))));
                List<String> partition =
                        keys.computeIfAbsent(new TopicPartition(postsTopic, meta.partition()), tp -> new ArrayList<>());
                assertThat(meta.offset()).isEqualTo(partition.size());
                partition.add(key);
            }
        }
        return keys;
    }

    /**
     * The keys of the results on the output topic: until {@code want} are seen, or (want &lt; 0) up
     * to the topic's end offsets as they are now; at most for {@code wait}.
     */
    private Set<String> readKeys(Duration wait, int want) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfra.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(classifiedTopic).stream()
                    .map(info -> new TopicPartition(classifiedTopic, info.partition()))
                    .toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline
                    && (want < 0
                            ? partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
                            : keys.size() < want)) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    PostClassified result = EventJson.read(r.value(), PostClassified.class);
                    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(result.key());
                    keys.add(result.key());
                }
            }
        }
        return keys;
    }
}
