package dev.modpipe.bench;

import dev.modpipe.e2e.ServiceProcess;
import dev.modpipe.infra.KafkaBroker;
import dev.modpipe.infra.Ports;
import dev.modpipe.model.PostKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The physical limit of this machine and broker: posts published to a topic, relayed unchanged to
 * another by a separate JVM ({@link PassThroughRelay}), and read again, with no classification and
 * no Redis. The same producer, post mix, partitions, in-flight bound and final consumer as the
 * pipeline's runs, so the ratio between the two is the cost of the pipeline's work.
 */
public final class Baseline implements AutoCloseable {
    /** The baseline's own topics: not part of the pipeline's catalogue, never read by a service. */
    public static final String IN_TOPIC = "bench.passthrough.in";

    public static final String OUT_TOPIC = "bench.passthrough.out";
    public static final String GROUP = "bench-passthrough";

    private final ServiceProcess relay;
    private final TopicWatcher watcher;
    private final TopicSubmitter submitter;
    private final GroupLag lag;

    public Baseline(
            KafkaBroker kafka,
            int partitions,
            List<String> jvmOptions,
            Path logDir,
            RunRegistry registry,
            Admin admin) {
        kafka.createTopics(Map.of(IN_TOPIC, partitions, OUT_TOPIC, partitions));
        int port = Ports.free();
        relay = ServiceProcess.ofMainClass(
                "passthrough-relay",
                System.getProperty("java.class.path"),
                PassThroughRelay.class.getName(),
                List.of(kafka.bootstrapServers(), IN_TOPIC, OUT_TOPIC, GROUP, String.valueOf(port)),
                jvmOptions,
                Map.of(),
                "http://127.0.0.1:" + port + "/health",
                "http://127.0.0.1:" + port + "/metrics",
                logDir);
        relay.start();
        watcher = new TopicWatcher(
                kafka.bootstrapServers(),
                OUT_TOPIC,
                (record, nanos) -> registry.find(
                        PostKey.postIdOf(record.key()), (run, index) -> run.classified(index, nanos, false, null)));
        submitter = new TopicSubmitter(kafka.bootstrapServers(), IN_TOPIC, Bench.PLATFORM);
        lag = new GroupLag(admin, GROUP, IN_TOPIC);
    }

    public ServiceProcess relay() {
        return relay;
    }

    public Submitter submitter() {
        return submitter;
    }

    public GroupLag lag() {
        return lag;
    }

    @Override
    public void close() {
        submitter.close();
        watcher.close();
        relay.close();
    }
}
