package dev.modpipe.ingest.publish;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@code /health} component {@code kafka}: UP when the cluster answers within two seconds, with the
 * number of brokers and the posts topic's partitions (or {@code "missing"}, which is still UP when
 * brokers create topics on first write).
 */
@Singleton
@Readiness
public class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private static final int TIMEOUT_MS = 2000;

    private final Admin admin;
    private final String topic;

    public KafkaHealthIndicator(KafkaProperties properties) {
        Properties config = new Properties();
        config.putAll(properties.producer());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-service-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
        this.topic = properties.topic();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", topic);
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            details.put("brokers", nodes.size());
            details.put("partitions", partitions());
            healthStatus = nodes.isEmpty() ? HealthStatus.DOWN : HealthStatus.UP;
        } catch (ExecutionException | TimeoutException e) {
            details.put(
                    "error",
                    (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
            healthStatus = HealthStatus.DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healthStatus = HealthStatus.DOWN;
        }
        return details;
    }

    private Object partitions() throws InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of(topic), new DescribeTopicsOptions().timeoutMs(TIMEOUT_MS))
                    .allTopicNames()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            return topics.get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return "missing";
            }
            return "unknown";
        }
    }

    @Override
    protected String getName() {
        return "kafka";
    }

    @PreDestroy
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
