package dev.modpipe.classifier.bench;

import dev.modpipe.classifier.ClassifierApplication;
import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.support.TestPosts;
import dev.modpipe.infra.KafkaBroker;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end measurement of the processor on a real broker (a load generator, not a test): N posts
 * are written to the posts topic, then the service is started and the time until all N
 * classifications are read back is measured. A pass-through baseline (the same consume and produce
 * through plain Kafka clients, no classification) shows what the broker alone allows on this
 * machine. Bounded: N records, local broker only. Run with {@code java -cp ... ProcessorThroughput
 * [N]} (see the README).
 */
public final class ProcessorThroughput {
    private ProcessorThroughput() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> texts = Corpus.readDirectory(Path.of(System.getProperty("corpus", "corpus"))).stream()
                .map(LabelledPost::text)
                .toList();
        try (KafkaBroker broker = KafkaBroker.onFreePorts().start()) {
            String bootstrap = broker.bootstrapServers();
            String in = "bench-posts-" + UUID.randomUUID();
            String out = "bench-classified-" + UUID.randomUUID();
            String copy = "bench-copy-" + UUID.randomUUID();
            broker.createTopics(Map.of(in, 3, out, 3, copy, 3, in + ".dlq", 1));
            produce(bootstrap, in, texts, n);

            double baseline = passThrough(bootstrap, in, copy, n);
            long start = System.nanoTime();
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ClassifierApplication.class)
                    .run(
                            "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                            "--classifier.topics.posts=" + in,
                            "--classifier.topics.classified=" + out,
                            "--classifier.topics.posts-dlq=" + in + ".dlq",
                            "--server.port=0",
                            "--logging.level.root=WARN");
            long ready = System.nanoTime();
            long firstRecordAt = readAll(bootstrap, out, n);
            long done = System.nanoTime();
            ctx.close();
            double seconds = (done - ready) / 1e9;
            System.out.printf(
                    "records: %d%nstartup: %.1f s%nprocessor: %.0f posts/s (%.1f s from ready to the last result)%n"
                            + "kafka pass-through baseline (same records, no classification): %.0f records/s%n",
                    n, (ready - start) / 1e9, n / seconds, seconds, baseline);
            if (firstRecordAt < 0) {
                System.out.println("no result read");
            }
        }
    }

    private static void produce(String bootstrap, String topic, List<String> texts, int n) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String id = "b-" + i;
                PostEvent e =
                        TestPosts.post(EventType.CREATED, "bench", id, 1, texts.get(i % texts.size()), Instant.now());
                p.send(new ProducerRecord<>(
                        topic, ("bench:" + id).getBytes(StandardCharsets.UTF_8), EventJson.write(e)));
            }
            p.flush();
        }
    }

    private static double passThrough(String bootstrap, String from, String to, int n) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap);
                KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            c.subscribe(List.of(from));
            long start = System.nanoTime();
            int seen = 0;
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    p.send(new ProducerRecord<>(to, r.key(), r.value()));
                    seen++;
                }
                c.commitSync();
            }
            p.flush();
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long readAll(String bootstrap, String topic, int n) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            c.subscribe(List.of(topic));
            int seen = 0;
            long first = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                int got = c.poll(Duration.ofMillis(200)).count();
                if (got > 0 && first < 0) {
                    first = System.nanoTime();
                }
                seen += got;
            }
            return first;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
