package dev.modpipe.ingest.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The service started on its own rather than by {@code @MicronautTest}, for tests that stop its
 * broker or Redis midway: pointed at the given servers and topic, with overrides of its
 * configuration.
 */
public final class RunningService implements AutoCloseable {
    private final EmbeddedServer server;
    private final Http http;

    private RunningService(EmbeddedServer server) {
        this.server = server;
        this.http = new Http(server.getURI());
    }

    public static RunningService start(
            String bootstrapServers, String redisUrl, String topic, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Infra.properties(bootstrapServers, redisUrl, topic));
        properties.putAll(overrides);
        return new RunningService(ApplicationContext.run(EmbeddedServer.class, properties, "test"));
    }

    /** A client of the service. */
    public Http http() {
        return http;
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
