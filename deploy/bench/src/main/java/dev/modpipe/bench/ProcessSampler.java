package dev.modpipe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Samples the processes of a run once a second: resident memory ({@code VmRSS} of
 * /proc/PID/status), CPU time (utime + stime of /proc/PID/stat) and, for JVMs that serve
 * Prometheus metrics, heap in use (the sum of {@code jvm_memory_used_bytes{area="heap"}}). Also the
 * whole machine's CPU (/proc/stat), so CPU spent by processes outside the benchmark shows.
 * {@link #window()} opens a measurement window; closing it gives each process's CPU and peaks.
 */
public final class ProcessSampler implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(1);

    /** What one process did in a window. RSS and heap in bytes, -1 when unknown. */
    public record Usage(String process, double cpuSeconds, long peakRss, long lastRss, long peakHeap, long lastHeap) {}

    /** A window's readings, per process, plus the machine's. */
    public record Readings(
            double seconds,
            Map<String, Usage> processes,
            double machineBusyCores,
            double othersBusyCores,
            double load1AtStart,
            double load1AtEnd) {}

    private record Target(String name, long pid, String metricsUrl) {}

    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> latest = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final long ticksPerSecond = clockTicks();
    private final Thread thread;
    private volatile boolean running = true;

    public ProcessSampler() {
        thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Samples this process from now on, under this name (replacing a process of the same name). */
    public void track(String name, long pid, String metricsUrl) {
        targets.removeIf(t -> t.name().equals(name));
        targets.add(new Target(name, pid, metricsUrl));
        sample(targets.get(targets.size() - 1));
    }

    public void untrack(String name) {
        targets.removeIf(t -> t.name().equals(name));
    }

    private void loop() {
        while (running) {
            for (Target target : targets) {
                sample(target);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads one process now: {cpu ticks, rss bytes, heap bytes}. */
    private long[] sample(Target target) {
        long[] reading = {cpuTicks(target.pid()), rss(target.pid()), heap(target.metricsUrl())};
        if (reading[0] < 0) {
            return reading; // gone
        }
        latest.put(target.name(), reading);
        for (Window window : windows) {
            window.observe(target.name(), reading);
        }
        return reading;
    }

    /** Opens a measurement window: CPU counts from now, peaks from now. */
    public Window window() {
        Window window = new Window();
        windows.add(window);
        return window;
    }

    /** A measurement window; {@link #close()} returns what each process used in it. */
    public final class Window {
        private final long startNanos = System.nanoTime();
        private final long[] machineStart = machineTicks();
        private final double load1Start = load1();
        private final Map<String, long[]> start = new ConcurrentHashMap<>();
        private final Map<String, long[]> peaks = new ConcurrentHashMap<>();

        private Window() {
            for (Target target : targets) {
                long[] now = sample(target);
                if (now[0] >= 0) {
                    start.put(target.name(), now);
                }
            }
        }

        void observe(String name, long[] reading) {
            start.putIfAbsent(name, reading);
            peaks.merge(name, reading.clone(), (a, b) -> new long[] {b[0], Math.max(a[1], b[1]), Math.max(a[2], b[2])});
        }

        public Readings close() {
            Map<String, long[]> end = new LinkedHashMap<>();
            for (Target target : targets) {
                long[] now = sample(target);
                if (now[0] >= 0) {
                    end.put(target.name(), now);
                }
            }
            windows.remove(this);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long[] machineEnd = machineTicks();
            Map<String, Usage> usage = new LinkedHashMap<>();
            double ours = 0;
            for (Map.Entry<String, long[]> e : end.entrySet()) {
                long[] first = start.getOrDefault(e.getKey(), e.getValue());
                long[] peak = peaks.getOrDefault(e.getKey(), e.getValue());
                double cpu = (e.getValue()[0] - first[0]) / (double) ticksPerSecond;
                ours += cpu;
                usage.put(
                        e.getKey(),
                        new Usage(
                                e.getKey(),
                                cpu,
                                Math.max(peak[1], e.getValue()[1]),
                                e.getValue()[1],
                                Math.max(peak[2], e.getValue()[2]),
                                e.getValue()[2]));
            }
            double busy = (machineEnd[0] - machineStart[0]) / (double) ticksPerSecond / seconds;
            return new Readings(seconds, usage, busy, Math.max(0, busy - ours / seconds), load1Start, load1());
        }
    }

    /** The latest reading of a process: RSS in bytes, or -1. */
    public long rssOf(String name) {
        long[] reading = latest.get(name);
        return reading == null ? -1 : reading[1];
    }

    /** The latest reading of a process: heap in use in bytes, or -1. */
    public long heapOf(String name) {
        long[] reading = latest.get(name);
        return reading == null ? -1 : reading[2];
    }

    public static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The whole machine: {busy ticks, total ticks} summed over CPUs. */
    static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name is in parentheses and may contain spaces: fields count from the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    private long heap(String metricsUrl) {
        if (metricsUrl == null) {
            return -1;
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(metricsUrl))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? heapUsed(response.body()) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of {@code jvm_memory_used_bytes} over the heap's pools in a Prometheus text exposition. */
    static long heapUsed(String metrics) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** A process's whole command line (/proc/PID/cmdline, arguments joined by spaces, one at the end), or "". */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
