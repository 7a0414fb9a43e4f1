package dev.modpipe.infra;

import dev.modpipe.model.Topic;
import dev.modpipe.model.Topics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small tools for {@code deploy/local/up.sh}, so that the local run needs nothing but Java:
 *
 * <ul>
 *   <li>{@code redis-executable DIR}: prints the path of a {@code redis-server} to run, copying the
 *       embedded one into DIR when the machine has none (the extracted original is temporary);
 *   <li>{@code create-topics HOST:PORT}: creates the contract's topics unless they exist;
 *   <li>{@code wait-http URL SECONDS}: waits until the URL answers 2xx, exits 1 on time-out.
 * </ul>
 */
public final class LocalMain {
    /** Partitions per topic in the local run: enough for several consumer instances to share. */
    static final Map<Topic<?>, Integer> PARTITIONS = Map.of(
            Topics.POSTS, 6,
            Topics.POSTS_DLQ, 1,
            Topics.CLASSIFIED, 6,
            Topics.CLASSIFIED_DLQ, 1,
            Topics.DECISIONS, 3,
            Topics.ALERTS, 3);

    private LocalMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "redis-executable" -> System.out.println(redisExecutable(Path.of(args.length > 1 ? args[1] : ".")));
            case "create-topics" -> createTopics(args.length > 1 ? args[1] : "localhost:9092");
            case "wait-http" -> {
                if (args.length < 3) {
                    usage();
                    return;
                }
                System.exit(waitHttp(args[1], Duration.ofSeconds(Long.parseLong(args[2]))) ? 0 : 1);
            }
            default -> usage();
        }
    }

    static String redisExecutable(Path dir) throws IOException {
        File found = RedisServer.executable();
        if (!found.getName().startsWith("redis-server-")) {
            return found.getAbsolutePath();
        }
        Path copy = dir.resolve(found.getName());
        if (!Files.isExecutable(copy)) {
            Files.createDirectories(dir);
            Files.copy(found.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().setExecutable(true);
        }
        return copy.toAbsolutePath().toString();
    }

    private static void usage() {
        System.err.println("usage: LocalMain redis-executable DIR | create-topics HOST:PORT | wait-http URL SECONDS");
        System.exit(2);
    }

    private static void createTopics(String bootstrap) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(t -> topics.put(t.defaultName(), PARTITIONS.getOrDefault(t, 3)));
        TopicAdmin.createTopics(bootstrap, topics);
        topics.forEach(
                (name, partitions) -> System.out.println("  topic " + name + " (" + partitions + " partitions)"));
    }

    static boolean waitHttp(String url, Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        return false;
    }
}
