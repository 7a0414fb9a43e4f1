package dev.modpipe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.modpipe.model.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real HTTP server standing in for on-call staff's webhook endpoint; keeps every JSON body with
 * the moment it arrived (so the benchmark can time a crisis from receipt to notification).
 */
public final class WebhookReceiver implements AutoCloseable {
    /**
     * One delivered message.
     *
     * @param nanoTime {@link System#nanoTime()} when the body had been read, on this JVM's clock
     * @param at the same moment as wall-clock time
     */
    public record Delivery(JsonNode body, long nanoTime, Instant at) {}

    private final HttpServer server;
    private final Queue<Delivery> received = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode json = EventJson.mapper().readTree(body.readAllBytes());
                received.add(new Delivery(json, System.nanoTime(), Instant.now()));
            } catch (IOException e) {
                // a malformed body is still acknowledged; the test sees nothing new
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The bodies received so far, in order of arrival. */
    public List<JsonNode> received() {
        return received.stream().map(Delivery::body).toList();
    }

    /** The messages received so far with their arrival times, in order of arrival. */
    public List<Delivery> deliveries() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
