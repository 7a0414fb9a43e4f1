package dev.modpipe.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modpipe.model.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo feeder of the local run: submits a stream of realistic posts (mostly everyday ones, some
 * harmful, some misinformation, a few crises) through ingest-service's HTTP API, so a newcomer sees
 * the queue fill, alerts fire and decisions flow. Some posts are later edited or deleted.
 *
 * <pre>
 * java -cp ... dev.modpipe.infra.DemoMain [--ingest http://localhost:8081] [--key demo-key]
 *     [--count 36] [--rate 2] [--seed 7]
 * </pre>
 */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = BrokerMain.parse(args);
        String ingest = options.getOrDefault("ingest", "http://localhost:8081");
        String key = options.getOrDefault("key", "demo-key");
        List<ObjectNode> posts = loadPosts();
        int count = Integer.parseInt(options.getOrDefault("count", String.valueOf(posts.size())));
        double rate = Double.parseDouble(options.getOrDefault("rate", "2"));
        Random random = new Random(Long.parseLong(options.getOrDefault("seed", "7")));
        long pauseMillis = (long) (1000 / Math.max(0.1, rate));
        String run = Long.toString(Instant.now().getEpochSecond(), 36);

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int accepted = 0;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode post = posts.get(i % posts.size()).deepCopy();
            String postId = "demo-" + run + "-" + i;
            post.put("postId", postId);
            post.put("revision", 1);
            post.put("authorId", "demo-user-" + random.nextInt(8));
            post.put("createdAt", Instant.now().toString());
            int status = send(client, "POST", ingest + "/v1/posts", key, post.toString());
            System.out.printf(
                    "POST %-22s thread %-12s -> %d%n",
                    postId, post.path("threadId").asText(), status);
            if (status == 202) {
                accepted++;
                sent.add(postId);
            }
            if (!sent.isEmpty() && random.nextInt(10) == 0) {
                String victim = sent.remove(random.nextInt(sent.size()));
                int deleted = send(client, "DELETE", ingest + "/v1/posts/" + victim + "?revision=2", key, null);
                System.out.printf("DELETE %-20s -> %d%n", victim, deleted);
            }
            Thread.sleep(pauseMillis);
        }
        System.out.printf("%d of %d posts accepted%n", accepted, count);
    }

    private static int send(HttpClient client, String method, String url, String key, String json)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            System.out.printf("%s %s failed: %s%n", method, url, e.getMessage());
            return -1;
        }
    }

    private static List<ObjectNode> loadPosts() {
        List<ObjectNode> posts = new ArrayList<>();
        try (InputStream in = DemoMain.class.getResourceAsStream("/demo/demo-posts.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = EventJson.mapper().readTree(line);
                    posts.add((ObjectNode) node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return posts;
    }
}
