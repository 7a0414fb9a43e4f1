package dev.modpipe.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real single-node KRaft Kafka broker in a child JVM ({@link BrokerMain}) on fixed free ports.
 * It can be stopped, killed and started again on the same ports and data, so tests can drill
 * broker outages. Not thread-safe for concurrent start/stop; reading {@link #bootstrapServers()}
 * is.
 */
public final class KafkaBroker extends LocalServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private final int partitions;

    private KafkaBroker(int port, int controllerPort, int partitions, Path dataDir, boolean deleteOnClose) {
        super("kafka broker", dataDir, deleteOnClose);
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /** A broker on free ports with a temporary data directory removed on {@link #close()}. */
    public static KafkaBroker onFreePorts() {
        try {
            return new KafkaBroker(Ports.free(), Ports.free(), 3, Files.createTempDirectory("modpipe-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on the given ports and data directory, kept on close (the local run). */
    public static KafkaBroker at(int port, int controllerPort, int partitions, Path dataDir) {
        return new KafkaBroker(port, controllerPort, partitions, dataDir, false);
    }

    /** Starts the broker and waits until it serves metadata. Does nothing when it runs already. */
    public KafkaBroker start() {
        if (child.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j.configuration=broker-log4j.properties",
                "-cp",
                brokerClasspath(),
                BrokerMain.class.getName(),
                "--port",
                String.valueOf(port),
                "--controller-port",
                String.valueOf(controllerPort),
                "--partitions",
                String.valueOf(partitions),
                "--data-dir",
                dataDir.toString(),
                "--exit-on-stdin-eof"));
        Process process = child.start(command, dataDir.resolve("broker.log"), true);
        Ports.await("kafka broker on port " + port, START_TIMEOUT, process, this::servesMetadata);
        return this;
    }

    private boolean servesMetadata() {
        if (!Ports.listening("localhost", port)) {
            return false;
        }
        try (Admin admin = admin(Duration.ofSeconds(2))) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates the topics (name to partition count) unless they exist. */
    public void createTopics(Map<String, Integer> topics) {
        TopicAdmin.createTopics(bootstrapServers(), topics);
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin(Duration timeout) {
        return TopicAdmin.admin(bootstrapServers(), timeout);
    }

    /**
     * The broker's own classpath: this module's runtime dependencies, written at build time, so the
     * broker never runs on the classpath of the test or service that started it.
     */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath missing: build deploy/local with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(BrokerMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            return self + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
