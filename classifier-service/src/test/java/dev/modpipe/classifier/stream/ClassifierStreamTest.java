package dev.modpipe.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.classifier.ClassifierApplication;
import dev.modpipe.classifier.support.TestPosts;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.Category;
import dev.modpipe.model.DeadLetterHeaders;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The processor against the real broker: the service as it runs, started and stopped by the test. */
class ClassifierStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String postsTopic = "posts-" + suffix;
    private final String classifiedTopic = "classified-" + suffix;
    private final String dlqTopic = "posts-dlq-" + suffix;
    private final String group = "classifier-" + suffix;
    private KafkaTestClient kafka;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @BeforeEach
    void topics() {
        SharedInfra.kafka().createTopics(Map.of(postsTopic, 3, classifiedTopic, 3, dlqTopic, 1));
        kafka = new KafkaTestClient(SharedInfra.kafkaBootstrapServers());
    }

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        kafka.close();
    }

    private ConfigurableApplicationContext startService() {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ClassifierApplication.class)
                .run(
                        "--spring.cloud.stream.kafka.binder.brokers=" + SharedInfra.kafkaBootstrapServers(),
                        "--classifier.topics.posts=" + postsTopic,
                        "--classifier.topics.classified=" + classifiedTopic,
                        "--classifier.topics.posts-dlq=" + dlqTopic,
                        "--spring.cloud.stream.bindings.classify-in-0.group=" + group,
                        "--server.port=0");
        contexts.add(ctx);
        return ctx;
    }

    private static byte[] post(String postId, String body) {
        return EventJson.write(TestPosts.post(EventType.CREATED, "calmspace", postId, 1, body));
    }

    @Test
    void shouldClassifyAPostUnderTheSameKeyAndServeHealth() throws Exception {
        ConfigurableApplicationContext ctx = startService();
        KafkaConsumer<byte[], byte[]> reader = kafka.reader(classifiedTopic);

        kafka.send(postsTopic, "calmspace:p-1", post("p-1", "i'm going to kill myself tonight, i have the pills"));

        List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            got.addAll(KafkaTestClient.poll(reader));
            return !got.isEmpty();
        });
        ConsumerRecord<byte[], byte[]> record = got.get(0);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("calmspace:p-1");
        PostClassified c = EventJson.read(record.value(), PostClassified.class);
        assertThat(c.postId()).isEqualTo("p-1");
        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.modelVersion()).startsWith("opennlp-maxent-");

        int port = ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("classifier_records_total");
    }

    @Test
    void shouldDeadLetterAPoisonMessageAndKeepGoing() {
        startService();
        KafkaConsumer<byte[], byte[]> dlq = kafka.reader(dlqTopic);
        KafkaConsumer<byte[], byte[]> out = kafka.reader(classifiedTopic);
        byte[] poison = "{\"this is\": not json, my secret text".getBytes(StandardCharsets.UTF_8);

        kafka.send(postsTopic, "calmspace:bad-1", poison);
        kafka.send(postsTopic, "calmspace:bad-1", post("bad-1", "fine, thanks for asking"));

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> good = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            dead.addAll(KafkaTestClient.poll(dlq));
            good.addAll(KafkaTestClient.poll(out));
            return !dead.isEmpty() && !good.isEmpty();
        });
        ConsumerRecord<byte[], byte[]> d = dead.get(0);
        assertThat(d.value()).isEqualTo(poison);
        assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo("calmspace:bad-1");
        assertThat(new String(
                        d.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(postsTopic);
        String reason = new String(
                d.headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo("value is not valid JSON").doesNotContain("secret");
        assertThat(dead).hasSize(1);
        assertThat(EventJson.read(good.get(0).value(), PostClassified.class).postId())
                .isEqualTo("bad-1");
    }

    @Test
    void shouldNeitherLoseNorDuplicateResultsAcrossARestart() {
        int before = 30;
        int after = 30;
        KafkaConsumer<byte[], byte[]> out = kafka.reader(classifiedTopic);
        Map<String, Integer> seen = new HashMap<>();
        ConfigurableApplicationContext first = startService();
        for (int i = 0; i < before; i++) {
            kafka.send(postsTopic, "calmspace:r-" + i, post("r-" + i, "post number " + i + " about my day"));
        }
        await().atMost(WAIT).until(() -> {
            KafkaTestClient.poll(out)
                    .forEach(r -> seen.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum));
            return seen.size() >= before / 2;
        });

        first.close();
        for (int i = before; i < before + after; i++) {
            kafka.send(postsTopic, "calmspace:r-" + i, post("r-" + i, "post number " + i + " about my day"));
        }
        startService();

        await().atMost(WAIT).until(() -> {
            KafkaTestClient.poll(out)
                    .forEach(r -> seen.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum));
            return seen.size() == before + after;
        });
        assertThat(seen.keySet()).hasSize(before + after);
        // a graceful restart commits what it processed: nothing is classified twice
        assertThat(seen.values()).containsOnly(1);
    }
}
