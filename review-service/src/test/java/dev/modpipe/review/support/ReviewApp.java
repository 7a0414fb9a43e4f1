package dev.modpipe.review.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Topics;
import dev.modpipe.review.auth.TokenHash;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * review-service started for real: the embedded HTTP server on a free port, the real Kafka broker
 * and Redis, topics and keys of its own. Talks to it over real HTTP.
 */
public final class ReviewApp implements AutoCloseable {
    /** Test users: name → token (their hashes are configured, never the tokens). */
    public static final String MOD_A = "mod-a";

    public static final String MOD_B = "mod-b";
    public static final String LEAD = "lead-1";
    public static final String ONCALL = "oncall-1";
    public static final String ADMIN = "admin-1";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final ApplicationContext context;
    public final EmbeddedServer server;
    public final Map<String, Object> properties;

    private ReviewApp(EmbeddedServer server, Map<String, Object> properties) {
        this.server = server;
        this.context = server.getApplicationContext();
        this.properties = properties;
    }

    public static String token(String user) {
        return "test-token-of-" + user;
    }

    /** Properties of an instance with its own topics, consumer group and Redis key prefix. */
    public static Map<String, Object> properties(String redisUrl, String kafkaBootstrap) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("kafka.bootstrap.servers", kafkaBootstrap);
        p.put("review.redis.url", redisUrl);
        p.put("review.redis.key-prefix", "it-" + id + ":");
        p.put("review.topics.classified", Topics.CLASSIFIED.defaultName() + "." + id);
        p.put("review.topics.classified-dlq", Topics.CLASSIFIED_DLQ.defaultName() + "." + id);
        p.put("review.topics.decisions", Topics.DECISIONS.defaultName() + "." + id);
        p.put("review.topics.alerts", Topics.ALERTS.defaultName() + "." + id);
        p.put("review.intake.group-id", "review-" + id);
        p.put("review.kafka.publish-timeout", "3s");
        p.put("review.queue.stats-interval", "200ms");
        p.put("review.queue.sla-sweep-interval", "200ms");
        p.put("review.queue.reap-interval", "200ms");
        user(p, MOD_A, "MODERATOR");
        user(p, MOD_B, "MODERATOR");
        user(p, LEAD, "LEAD");
        user(p, ONCALL, "ONCALL");
        user(p, ADMIN, "ADMIN");
        return p;
    }

    private static void user(Map<String, Object> p, String name, String role) {
        p.put("review.auth.users." + name + ".token-sha256", TokenHash.of(token(name)));
        p.put("review.auth.users." + name + ".roles", role);
    }

    public static ReviewApp start(Map<String, Object> properties) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        return new ReviewApp(server, properties);
    }

    public String topic(String name) {
        return (String) properties.get("review.topics." + name);
    }

    public String prefix() {
        return (String) properties.get("review.redis.key-prefix");
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    public HttpResponse<String> post(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        return b;
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        context.close();
    }
}
