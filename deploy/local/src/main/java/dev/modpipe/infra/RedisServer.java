package dev.modpipe.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server in a child process on a fixed free port, with append-only persistence, so
 * a restart keeps the data as a production Redis with AOF would. It runs {@code redis-server} from
 * {@code $REDIS_SERVER} or the {@code PATH} when there is one (Redis 7 from apt), else the Redis 6.2
 * binary shipped inside the embedded-redis jar, so nothing needs installing.
 */
public final class RedisServer extends LocalServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;

    private RedisServer(int port, Path dataDir, boolean deleteOnClose) {
        super("redis-server", dataDir, deleteOnClose);
        this.port = port;
    }

    public static RedisServer onFreePort() {
        try {
            return new RedisServer(Ports.free(), Files.createTempDirectory("modpipe-redis-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RedisServer at(int port, Path dataDir) {
        return new RedisServer(port, dataDir, false);
    }

    /** Starts the server and waits until it answers PING. Does nothing when it runs already. */
    public RedisServer start() {
        if (child.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(
                executable().getAbsolutePath(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dataDir.toString(),
                "--appendonly",
                "yes",
                "--appendfsync",
                "everysec",
                "--save",
                "",
                "--protected-mode",
                "no",
                "--daemonize",
                "no");
        Process process = child.start(command, dataDir.resolve("redis.log"), false);
        Ports.await("redis on port " + port, START_TIMEOUT, process, this::answersPing);
        return this;
    }

    /** The executable this machine runs Redis with. */
    public static File executable() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return new File(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        try {
            return ExecutableProvider.newJarResourceProvider().get();
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on PATH and the embedded one cannot be extracted", e);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://localhost:PORT}, the form of the contract's {@code REDIS_URL}. */
    public String url() {
        return "redis://localhost:" + port;
    }
}
