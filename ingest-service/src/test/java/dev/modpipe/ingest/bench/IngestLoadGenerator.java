package dev.modpipe.ingest.bench;

import dev.modpipe.infra.KafkaBroker;
import dev.modpipe.infra.RedisServer;
import dev.modpipe.model.Topics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A closed-loop HTTP load generator for ingest-service: N workers submit posts back to back and
 * every answer is timed. Not a test: run it by hand (see the module README) and read the medians.
 *
 * <p>By default it starts everything itself: a real KRaft broker and a real Redis (local-infra),
 * and the service from {@code target/ingest-service.jar} as its own JVM in the dev environment
 * (production logging, to {@code target/bench-service.log}), with the dev platform's rate limit
 * raised out of the way. With {@code --url} it loads a service that runs already.
 *
 * <pre>
 * --url URL            a running service (then --key is its platform's API key; default demo-key)
 * --mode single|batch|both   (default both)
 * --concurrency N      workers for single posts (default 16)
 * --batch-size N       posts per batch (default 100); --batch-concurrency N (default 4)
 * --seconds N          measured seconds per run (default 15), after --warmup N seconds (default 5)
 * --runs N             runs per mode (default 3); the report gives each run and the medians
 * --jar PATH           the service jar (default ingest-service/target/ingest-service.jar)
 * </pre>
 *
 * System properties {@code -Dingest.*} given to the generator are passed on to the service.
 */
public final class IngestLoadGenerator {
    private static final String TEXT = "I have been feeling really low since I lost my job last month. Some days I"
            + " can't get out of bed and I keep thinking nobody would notice if I was gone. My sister says I should"
            + " talk to someone but I don't know where to start. Has anyone here been through something like this"
            + " and found something that helped?";

    private final Map<String, String> options;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private IngestLoadGenerator(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new IngestLoadGenerator(options).run();
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        String url = options.get("url");
        if (url != null) {
            report(URI.create(url), options.getOrDefault("key", "demo-key"), null, null);
            return;
        }
        try (KafkaBroker broker = KafkaBroker.onFreePorts().start();
                RedisServer redis = RedisServer.onFreePort().start()) {
            broker.createTopics(Map.of(Topics.POSTS.defaultName(), 3));
            int port = freePort();
            Process service = startService(broker.bootstrapServers(), redis.url(), port);
            try {
                URI base = URI.create("http://localhost:" + port);
                awaitHealthy(base, service);
                report(base, "demo-key", broker, service);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private void report(URI base, String key, KafkaBroker broker, Process service) throws Exception {
        String mode = options.getOrDefault("mode", "both");
        int runs = option("runs", 3);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s, java %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
        long accepted = 0;
        if (!mode.equals("batch")) {
            accepted += scenario("single", base, key, option("concurrency", 16), 1, runs);
        }
        if (!mode.equals("single")) {
            accepted += scenario("batch", base, key, option("batch-concurrency", 4), option("batch-size", 100), runs);
        }
        if (broker != null) {
            long onTopic = recordsOnTopic(broker);
            System.out.printf(
                    Locale.ROOT,
                    "check: %d posts answered ACCEPTED, %d records on %s%n",
                    accepted,
                    onTopic,
                    Topics.POSTS.defaultName());
        }
    }

    /** Runs one mode several times; returns the posts accepted in all of them (warm-up included). */
    private long scenario(String name, URI base, String key, int workers, int batchSize, int runs) throws Exception {
        int warmup = option("warmup", 5);
        int seconds = option("seconds", 15);
        System.out.printf(
                Locale.ROOT,
                "%n%s: %d workers, %d post(s) per request, %ds warm-up, %ds measured, %d runs%n",
                name,
                workers,
                batchSize,
                warmup,
                seconds,
                runs);
        List<Result> results = new ArrayList<>();
        long accepted = 0;
        String endpoint = batchSize == 1 ? "create" : "batch";
        String okStatus = batchSize == 1 ? "202" : "200";
        for (int run = 1; run <= runs; run++) {
            accepted += load(base, key, workers, batchSize, Duration.ofSeconds(warmup)).accepted;
            double[] serverBefore = serverMeans(base, endpoint, okStatus);
            Result result = load(base, key, workers, batchSize, Duration.ofSeconds(seconds));
            double[] serverAfter = serverMeans(base, endpoint, okStatus);
            accepted += result.accepted;
            results.add(result);
            System.out.printf(
                    Locale.ROOT,
                    "  run %d: %s; in the service: mean %.1f ms per request, mean %.1f ms per Kafka ack%n",
                    run,
                    result,
                    mean(serverBefore, serverAfter, 0),
                    mean(serverBefore, serverAfter, 2));
        }
        System.out.printf(
                Locale.ROOT,
                "  median: %.0f posts/s, %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n",
                median(results.stream().mapToDouble(Result::postsPerSecond).toArray()),
                median(results.stream().mapToDouble(Result::requestsPerSecond).toArray()),
                median(results.stream().mapToDouble(r -> r.p50Millis).toArray()),
                median(results.stream().mapToDouble(r -> r.p99Millis).toArray()));
        return accepted;
    }

    private record Result(
            long requests, long accepted, long failed, double seconds, double p50Millis, double p99Millis) {
        double postsPerSecond() {
            return accepted / seconds;
        }

        double requestsPerSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.0f posts/s (%.0f requests/s), p50 %.1f ms, p99 %.1f ms, %d failed",
                    postsPerSecond(),
                    requestsPerSecond(),
                    p50Millis,
                    p99Millis,
                    failed);
        }
    }

    private Result load(URI base, String key, int workers, int batchSize, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                long[] timings = new long[1024];
                int count = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send(base, key, batchSize);
                    long took = System.nanoTime() - sent;
                    int ok = acceptedIn(response, batchSize);
                    accepted.addAndGet(ok);
                    if (ok < batchSize) {
                        failed.incrementAndGet();
                    }
                    if (count == timings.length) {
                        timings = Arrays.copyOf(timings, count * 2);
                    }
                    timings[count++] = took;
                }
                return Arrays.copyOf(timings, count);
            }));
        }
        for (Future<long[]> future : futures) {
            latencies.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                all.length, accepted.get(), failed.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private HttpResponse<String> send(URI base, String key, int batchSize) throws IOException, InterruptedException {
        String body;
        String path;
        if (batchSize == 1) {
            path = "/v1/posts";
            body = post();
        } else {
            path = "/v1/posts/batch";
            StringBuilder batch = new StringBuilder("{\"posts\":[");
            for (int i = 0; i < batchSize; i++) {
                batch.append(i == 0 ? "" : ",").append(post());
            }
            body = batch.append("]}").toString();
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String post() {
        long n = sequence.incrementAndGet();
        return "{\"postId\":\"bench-" + runId + "-" + n + "\",\"threadId\":\"t-" + (n % 500) + "\",\"authorId\":\"user-"
                + (n % 5000) + "\",\"title\":\"Struggling lately\",\"body\":\"" + TEXT
                + "\",\"language\":\"en\",\"createdAt\":\"2026-11-21T10:00:00Z\"}";
    }

    private static final Pattern ACCEPTED = Pattern.compile("\"status\":\"ACCEPTED\"");

    private static int acceptedIn(HttpResponse<String> response, int batchSize) {
        if (batchSize == 1) {
            return response.statusCode() == 202 && response.body().contains("\"ACCEPTED\"") ? 1 : 0;
        }
        if (response.statusCode() != 200) {
            return 0;
        }
        Matcher matcher = ACCEPTED.matcher(response.body());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Sums and counts of the service's own timers: request duration and Kafka acknowledgement. */
    private double[] serverMeans(URI base, String endpoint, String status) throws IOException, InterruptedException {
        String metrics = client.send(
                        HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String labels = "{endpoint=\"" + endpoint + "\",outcome=\"" + status + "\"}";
        return new double[] {
            metric(metrics, "ingest_request_duration_seconds_sum" + labels),
            metric(metrics, "ingest_request_duration_seconds_count" + labels),
            metric(metrics, "ingest_kafka_ack_duration_seconds_sum"),
            metric(metrics, "ingest_kafka_ack_duration_seconds_count")
        };
    }

    private static double metric(String metrics, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double mean(double[] before, double[] after, int sum) {
        double count = after[sum + 1] - before[sum + 1];
        return count == 0 ? Double.NaN : (after[sum] - before[sum]) / count * 1000;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private Process startService(String bootstrapServers, String redisUrl, int port) throws IOException {
        Path jar = Path.of(options.getOrDefault("jar", "ingest-service/target/ingest-service.jar"));
        if (!Files.exists(jar)) {
            jar = Path.of("target/ingest-service.jar");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the service first: ./mvnw -o -q -pl ingest-service package");
        }
        Path log = jar.toAbsolutePath().getParent().resolve("bench-service.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx512m",
                "-Dmicronaut.environments=dev",
                "-Dingest.platforms.demo.posts-per-second=1000000",
                "-Dingest.platforms.demo.burst=1000000"));
        // -Dingest.* given to the generator reach the service, e.g. -Dingest.kafka.linger=0ms
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("ingest."))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File(log.toString())));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("REDIS_URL", redisUrl);
        builder.environment().put("INGEST_PORT", String.valueOf(port));
        System.out.printf(Locale.ROOT, "service: %s (log %s)%n", jar, log);
        return builder.start();
    }

    private void awaitHealthy(URI base, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see target/bench-service.log");
            }
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become healthy in 60 s");
    }

    private static long recordsOnTopic(KafkaBroker broker) throws Exception {
        try (Admin admin = broker.admin(Duration.ofSeconds(10))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(Topics.POSTS.defaultName(), p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
