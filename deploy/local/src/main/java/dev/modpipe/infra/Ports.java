package dev.modpipe.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Port and readiness helpers for the child-process servers. */
public final class Ports {
    private Ports() {}

    /** Where the search for a free port starts: above the well-known and most registered services' ports. */
    static final int LOWEST = 20_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default ephemeral range starts here; macOS and Windows start higher (49152). */
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;

    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A TCP port that was free a moment ago, for a server that a test or the benchmark starts later.
     *
     * <p>It is taken below the kernel's ephemeral range. A port the kernel hands out itself ({@code
     * bind(0)}) sits in that range, so while the server is still starting, an outgoing connection
     * (a Kafka client, the broker's own controller link) can be given the same number as its local
     * port, and the server then fails with "Address already in use". Below the range only an
     * explicit bind can take it. No port is handed out twice by one JVM, as a run picks several
     * ports before it binds any of them.
     */
    public static int free() {
        int low = LOWEST;
        int high = ephemeralLow() - 1;
        if (high - low < ATTEMPTS) {
            return kernelPort();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high + 1);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return kernelPort();
    }

    /** The first port of the kernel's ephemeral range (where outgoing connections get their local ports). */
    static int ephemeralLow() {
        // read as a stream: Files.readString trusts the size /proc reports and returns one character
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            String line = reader.readLine();
            return Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelPort() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port after " + ATTEMPTS + " attempts");
    }

    /** Whether something accepts TCP connections on localhost at this port. */
    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void await(String what, Duration timeout, Process process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue() + " while starting");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException(what + " was not ready within " + timeout);
    }
}
