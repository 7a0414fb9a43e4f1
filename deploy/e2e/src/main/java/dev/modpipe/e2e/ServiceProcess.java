package dev.modpipe.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One of the services, run from its built jar as a real process, as in production. Also runs any
 * main class of a classpath the same way (the benchmark's pass-through relay), so every process of
 * a run is started, health-checked, measured and stopped alike.
 */
public final class ServiceProcess implements AutoCloseable {
    /** What the end-to-end tests run services with: a small heap and a quick start (C1 only). */
    public static final List<String> TEST_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final int LOG_TAIL = 40;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path required;
    private final List<String> launch;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final String healthUrl;
    private final String metricsUrl;
    private final Path log;
    private Process process;

    private ServiceProcess(
            String name,
            Path required,
            List<String> launch,
            List<String> jvmOptions,
            Map<String, String> env,
            String healthUrl,
            String metricsUrl,
            Path logDir) {
        this.name = name;
        this.required = required;
        this.launch = List.copyOf(launch);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.env = Map.copyOf(env);
        this.healthUrl = healthUrl;
        this.metricsUrl = metricsUrl;
        this.log = logDir.resolve(name + ".log");
    }

    /** A process run from a jar ({@code java OPTIONS -jar JAR}). */
    public static ServiceProcess ofJar(
            String name,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> env,
            String healthUrl,
            String metricsUrl,
            Path logDir) {
        return new ServiceProcess(
                name, jar, List.of("-jar", jar.toString()), jvmOptions, env, healthUrl, metricsUrl, logDir);
    }

    /** A process run from a main class ({@code java OPTIONS -cp CLASSPATH MAIN ARGS}). */
    public static ServiceProcess ofMainClass(
            String name,
            String classpath,
            String mainClass,
            List<String> args,
            List<String> jvmOptions,
            Map<String, String> env,
            String healthUrl,
            String metricsUrl,
            Path logDir) {
        List<String> launch = new ArrayList<>(List.of("-cp", classpath, mainClass));
        launch.addAll(args);
        return new ServiceProcess(name, null, launch, jvmOptions, env, healthUrl, metricsUrl, logDir);
    }

    /** Starts the process (unless it runs) and waits until its health endpoint answers 2xx. */
    public ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (required != null && !Files.exists(required)) {
            throw new IllegalStateException(required + " is missing: run the Maven build (package) first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; see " + log + lastLines(LOG_TAIL));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log + lastLines(LOG_TAIL));
    }

    /**
     * The end of the process's log, for a failure message: CI keeps the build output but not the
     * logs, so the reason a service would not start has to travel in the exception.
     */
    private String lastLines(int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return "; its last lines:" + System.lineSeparator()
                    + String.join(
                            System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** SIGKILL, as in a crash: no shutdown hooks, no offset commits on the way out. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the running process (for /proc readings), empty when it does not run. */
    public OptionalLong pid() {
        return isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    public String healthUrl() {
        return healthUrl;
    }

    /** Where the process serves Prometheus metrics. */
    public String metricsUrl() {
        return metricsUrl;
    }
}
