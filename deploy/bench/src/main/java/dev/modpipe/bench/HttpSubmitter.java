package dev.modpipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modpipe.model.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Submits posts to ingest-service as a platform does: {@code POST /v1/posts} one at a time (202
 * ACCEPTED), or {@code POST /v1/posts/batch} (200 with one result per post). A post counts as
 * accepted at the moment its answer arrived; anything else (429, 503, REJECTED) counts as failed.
 */
public final class HttpSubmitter implements Submitter {
    private final URI single;
    private final URI batch;
    private final String apiKey;
    private final int postsPerCall;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "http-submitter");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;

    /** @param postsPerCall 1 for single posts, more for batches (at most 500) */
    public HttpSubmitter(String ingestBaseUrl, String apiKey, int postsPerCall) {
        if (postsPerCall < 1 || postsPerCall > 500) {
            throw new IllegalArgumentException("a batch holds 1 to 500 posts");
        }
        this.single = URI.create(ingestBaseUrl + "/v1/posts");
        this.batch = URI.create(ingestBaseUrl + "/v1/posts/batch");
        this.apiKey = apiKey;
        this.postsPerCall = postsPerCall;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<Void> submit(RunLog run, int from, int count, long dueNanos) {
        Instant created = Instant.now();
        if (postsPerCall == 1) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[count];
            for (int k = 0; k < count; k++) {
                int index = from + k;
                String body = run.take(index, dueNanos).submission(created).toString();
                calls[k] = client.sendAsync(request(single, body), HttpResponse.BodyHandlers.ofString())
                        .handle((response, error) -> {
                            long now = System.nanoTime();
                            if (error == null
                                    && response.statusCode() == 202
                                    && response.body().contains("\"ACCEPTED\"")) {
                                run.accepted(index, now);
                            } else {
                                run.failed(index);
                            }
                            return null;
                        });
            }
            return CompletableFuture.allOf(calls);
        }
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        ArrayNode posts = envelope.putArray("posts");
        for (int k = 0; k < count; k++) {
            posts.add(run.take(from + k, dueNanos).submission(created));
        }
        return client.sendAsync(request(batch, envelope.toString()), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long now = System.nanoTime();
                    JsonNode results =
                            error == null && response.statusCode() == 200 ? readResults(response.body()) : null;
                    for (int k = 0; k < count; k++) {
                        JsonNode result = results == null ? null : results.get(k);
                        if (result != null
                                && "ACCEPTED".equals(result.path("status").asText())) {
                            run.accepted(from + k, now);
                        } else {
                            run.failed(from + k);
                        }
                    }
                    return null;
                });
    }

    private static JsonNode readResults(String body) {
        try {
            return EventJson.mapper().readTree(body).path("results");
        } catch (IOException e) {
            return null;
        }
    }

    private HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public int postsPerCall() {
        return postsPerCall;
    }

    @Override
    public String describe() {
        return postsPerCall == 1
                ? "HTTP, single posts (POST /v1/posts)"
                : "HTTP, batches of " + postsPerCall + " (POST /v1/posts/batch)";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
