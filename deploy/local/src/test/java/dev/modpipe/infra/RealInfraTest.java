package dev.modpipe.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RealInfraTest {

    @Test
    void shouldProduceAndConsumeThroughTheSharedBrokerKeepingKeyOrder() throws Exception {
        String topic = "infra-test-order";
        SharedInfra.kafka().createTopics(Map.of(topic, 3));

        try (KafkaProducer<String, String> producer = producer(SharedInfra.kafkaBootstrapServers())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "demo:p-" + (i % 4), "rev-" + i))
                        .get();
            }
        }

        List<ConsumerRecord<String, String>> records = consume(SharedInfra.kafkaBootstrapServers(), topic, 20);
        assertThat(records).hasSize(20);
        Map<String, List<String>> byKey = new java.util.TreeMap<>();
        records.forEach(
                r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        assertThat(byKey.get("demo:p-1")).containsExactly("rev-1", "rev-5", "rev-9", "rev-13", "rev-17");
    }

    @Test
    void shouldKeepAcknowledgedRecordsWhenTheBrokerIsKilledAndStartedAgain() throws Exception {
        try (KafkaBroker broker = KafkaBroker.onFreePorts().start()) {
            broker.createTopics(Map.of("infra-test-restart", 1));
            RecordMetadata written;
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                written = producer.send(new ProducerRecord<>("infra-test-restart", "demo:p-1", "kept"))
                        .get();
            }

            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            List<ConsumerRecord<String, String>> records = consume(broker.bootstrapServers(), "infra-test-restart", 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo("kept");
                assertThat(r.offset()).isEqualTo(written.offset());
            });
        }
    }

    @Test
    void shouldReadAndWriteTheSharedRedis() {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(SharedInfra.redisUrl()))) {
            redis.set("infra-test:key", "value");
            assertThat(redis.get("infra-test:key")).isEqualTo("value");
        }
    }

    @Test
    void shouldKeepRedisDataAcrossARestartThanksToTheAppendOnlyFile() {
        try (RedisServer server = RedisServer.onFreePort().start()) {
            try (JedisPooled redis = new JedisPooled(java.net.URI.create(server.url()))) {
                redis.zadd("queue", 1.0, "item-1");
            }

            server.stop();
            server.start();

            try (JedisPooled redis = new JedisPooled(java.net.URI.create(server.url()))) {
                assertThat(redis.zrange("queue", 0, -1)).containsExactly("item-1");
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
