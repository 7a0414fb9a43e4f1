package dev.modpipe.ingest.observability;

import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /metrics} and the OpenAPI document: served without authentication. */
@MicronautTest
class OperationsTest extends ServiceTest {
    OperationsTest() {
        super("operations");
    }

    @Test
    void shouldReportKafkaAndRedisOnHealthWithoutAuthentication() {
        Reply health = http.get("/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/details/kafka/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/details/kafka/details/brokers").asInt()).isEqualTo(1);
        assertThat(health.json().at("/details/kafka/details/topic").asText()).isEqualTo(topicName());
        assertThat(health.json().at("/details/kafka/details/partitions").asInt())
                .isEqualTo(3);
        assertThat(health.json().at("/details/redis/status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldExposePrometheusMetricsOfAcceptedRejectedAndLatency() {
        // Given one accepted post, one invalid and one unauthenticated request
        double acceptedBefore = value(
                http.get("/metrics").body(), "ingest_posts_accepted_total{platform=\"calmspace\",type=\"CREATED\"}");
        http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                "{\"postId\":\"%s\",\"authorId\":\"u\",\"body\":\"x\"}".formatted(Infra.uniquePostId()));
        http.post("/v1/posts", CALMSPACE_KEY, "{\"postId\":\"p-1\"}");
        http.post("/v1/posts", "wrong", "{}");

        // When Prometheus scrapes
        Reply metrics = http.get("/metrics");

        // Then the counters and the latency histogram are there, in the text format
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String text = metrics.body();
        assertThat(value(text, "ingest_posts_accepted_total{platform=\"calmspace\",type=\"CREATED\"}"))
                .isEqualTo(acceptedBefore + 1);
        assertThat(value(text, "ingest_rejected_total{platform=\"calmspace\",reason=\"invalid_request\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(text, "ingest_rejected_total{platform=\"none\",reason=\"unauthorized\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text)
                .contains("# TYPE ingest_request_duration_seconds histogram")
                .contains("ingest_request_duration_seconds_bucket{endpoint=\"create\",outcome=\"202\",le=\"0.05\"}")
                .contains("ingest_request_duration_seconds_count{endpoint=\"create\",outcome=\"400\"}")
                .contains("ingest_kafka_ack_duration_seconds_bucket");
    }

    @Test
    void shouldServeTheOpenApiDocumentGeneratedFromTheCode() {
        Reply document = http.get("/openapi/ingest-service.yml");

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.body())
                .contains("openapi: 3.")
                .contains("/v1/posts:", "/v1/posts/batch:", "/v1/posts/{postId}:")
                .contains("PostSubmission:", "Problem:", "application/problem+json")
                .contains("scheme: bearer");
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
