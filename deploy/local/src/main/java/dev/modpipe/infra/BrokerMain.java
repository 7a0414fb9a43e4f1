package dev.modpipe.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a single-node KRaft Kafka broker (combined broker and controller) in this JVM:
 *
 * <pre>
 * java -cp ... dev.modpipe.infra.BrokerMain --port 9092 --controller-port 9093 --data-dir DIR
 *     [--partitions 3] [--exit-on-stdin-eof]
 * </pre>
 *
 * <p>It writes {@code DIR/server.properties}, formats {@code DIR/logs} the first time (the cluster
 * id is kept in {@code DIR/cluster.id}, so a restart reuses the data), then runs {@code kafka.Kafka}.
 * With {@code --exit-on-stdin-eof} it shuts down cleanly when its parent closes stdin or dies,
 * which keeps test JVMs from leaving brokers behind.
 */
public final class BrokerMain {
    private BrokerMain() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", String.valueOf(port + 1)));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/kafka")).toAbsolutePath();
        Files.createDirectories(dataDir);

        Path config = writeConfig(dataDir, port, controllerPort, partitions);
        format(dataDir, config);

        if (options.containsKey("exit-on-stdin-eof")) {
            Thread watcher = new Thread(BrokerMain::exitWhenStdinCloses, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Path writeConfig(Path dataDir, int port, int controllerPort, int partitions) throws IOException {
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=" + partitions,
                "default.replication.factor=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "message.max.bytes=1048588",
                "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    private static void format(Path dataDir, Path config) throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        Path idFile = dataDir.resolve("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void exitWhenStdinCloses() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[64];
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; a read returns -1 when it closes stdin or dies
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.exit(0);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
