package dev.modpipe.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the broker and Redis share: a child process with a data directory, stopped or killed at will. */
abstract class LocalServer implements AutoCloseable {
    protected final Path dataDir;
    protected final ChildProcess child;
    private final boolean deleteOnClose;

    LocalServer(String name, Path dataDir, boolean deleteOnClose) {
        this.child = new ChildProcess(name);
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    public boolean isRunning() {
        return child.isAlive();
    }

    /** A clean shutdown (SIGTERM): the server flushes and leaves its data for the next start. */
    public void stop() {
        child.stop();
    }

    /** A crash (SIGKILL): no flush, no goodbye; the next start recovers from the data on disk. */
    public void kill() {
        child.kill();
    }

    /** Stops the server and, for a temporary one, deletes its data. */
    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }
}
