package dev.modpipe.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A plain JDK HTTP client, so tests can send any bytes with any headers and see every answer. */
public final class Http {
    public static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body (parsed when it is JSON). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    /** Parses JSON text, for comparing whole answers. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply put(String path, String apiKey, String json) {
        return send("PUT", path, apiKey, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply delete(String path, String apiKey) {
        return send("DELETE", path, apiKey, null, null);
    }

    public Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    /** Any request: a null key sends no Authorization, a null content type no Content-Type. */
    public Reply send(String method, String path, String apiKey, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request.build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
