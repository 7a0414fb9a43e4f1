package dev.modpipe.ingest.support;

import dev.modpipe.infra.SharedInfra;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of a {@code @MicronautTest} of the running service against the shared broker and
 * Redis of this JVM, with a topic of its own: {@link #http} calls the service, {@link #topic()}
 * reads what it wrote. A subclass names the purpose of its topic and carries
 * {@code @MicronautTest} itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {
    private final String topicName;
    private TopicReader topic;

    @Inject
    protected EmbeddedServer server;

    protected Http http;

    protected ServiceTest(String purpose) {
        this.topicName = Infra.uniqueTopic(purpose);
    }

    @Override
    public Map<String, String> getProperties() {
        return Infra.shared(topicName);
    }

    /** The topic the service writes to, no other test's. */
    protected String topicName() {
        return topicName;
    }

    /** A reader of the service's topic, opened when a test first reads. */
    protected TopicReader topic() {
        if (topic == null) {
            topic = new TopicReader(SharedInfra.kafkaBootstrapServers(), topicName);
        }
        return topic;
    }

    @BeforeAll
    void connect() {
        http = new Http(server.getURI());
    }

    /** Runs after the subclass's own {@code @AfterAll}, which may still read the topic. */
    @AfterAll
    void disconnect() {
        if (topic != null) {
            topic.close();
        }
    }
}
