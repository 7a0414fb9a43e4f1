package dev.modpipe.review.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.modpipe.model.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP server (the JDK's) standing in for on-call webhooks: it records every request. Paths
 * can be made to fail: {@link #failFirst} answers 500 to the first n requests about each alert,
 * {@link #down} answers 503 to everything.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request received. */
    public record Received(String path, JsonNode body, String raw, Instant at) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebhookReceiver failFirst(String path, int times) {
        failFirst.put(path, times);
        return this;
    }

    public WebhookReceiver down(String path) {
        down.add(path);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = EventJson.mapper().readTree(raw);
        int status = 200;
        if (down.contains(path)) {
            status = 503;
        } else if (failFirst.containsKey(path)) {
            String alert = body.path("alertId").asText(body.path("dedup_key").asText());
            int n = attempts.computeIfAbsent(path + "|" + alert, k -> new AtomicInteger())
                    .incrementAndGet();
            if (n <= failFirst.get(path)) {
                status = 500;
            }
        }
        if (status == 200) {
            received.add(new Received(path, body, raw, Instant.now()));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Requests successfully received on a path that match. */
    public List<Received> received(String path, Predicate<JsonNode> match) {
        return received.stream()
                .filter(r -> r.path().equals(path) && match.test(r.body()))
                .toList();
    }

    /** How many attempts (failed or not) reached a path about an alert. */
    public int attempts(String path, String alertId) {
        AtomicInteger n = attempts.get(path + "|" + alertId);
        return n == null ? 0 : n.get();
    }

    /**
     * Messages about an alert or a post: the generic webhook's {@code alertId} or {@code postId},
     * PagerDuty's {@code dedup_key}, or (Slack) a {@code text} naming it.
     */
    public static Predicate<JsonNode> about(String alertOrPostId) {
        return body -> alertOrPostId.equals(body.path("alertId").asText())
                || alertOrPostId.equals(body.path("dedup_key").asText())
                || alertOrPostId.equals(body.path("postId").asText())
                || body.path("text").asText().contains(alertOrPostId);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
