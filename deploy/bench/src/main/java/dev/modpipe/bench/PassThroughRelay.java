package dev.modpipe.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline's middle stage, run as its own JVM like a classifier instance: consumes a topic and
 * produces every record unchanged (key, value) to another topic, with no classification and no
 * Redis. It keeps the classifier's delivery discipline: a consumer group, read_committed, an
 * idempotent producer with acks=all, linger 5 ms and lz4, and offsets committed only after the
 * poll's records were acknowledged. So it is the best a consume-transform-produce hop can do on
 * this broker and machine.
 *
 * <pre>
 * java -cp ... dev.modpipe.bench.PassThroughRelay BOOTSTRAP IN_TOPIC OUT_TOPIC GROUP HTTP_PORT
 * </pre>
 *
 * {@code GET /health} answers once the consumer has its partitions; {@code GET /metrics} gives the
 * heap in use in the same Prometheus form as the services.
 */
public final class PassThroughRelay {
    private static volatile boolean assigned;

    private PassThroughRelay() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: PassThroughRelay BOOTSTRAP IN_TOPIC OUT_TOPIC GROUP HTTP_PORT");
        }
        String bootstrap = args[0];
        String in = args[1];
        String out = args[2];
        String group = args[3];
        int port = Integer.parseInt(args[4]);

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");

        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> {
            boolean up = assigned;
            respond(exchange, up ? 200 : 503, up ? "UP" : "STARTING");
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, metrics()));
        server.start();
        try {
            consumer.subscribe(List.of(in));
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                assigned = assigned || !consumer.assignment().isEmpty();
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(out, record.key(), record.value()));
                }
                producer.flush();
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
            server.stop(0);
        }
    }

    private static String metrics() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "jvm_memory_used_bytes{area=\"heap\",id=\"all\"} %d%n", heap.getUsed());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
