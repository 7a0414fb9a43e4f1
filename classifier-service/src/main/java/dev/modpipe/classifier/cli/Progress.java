package dev.modpipe.classifier.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of a long command on stderr: at most one line a second, and a final line. */
final class Progress {
    private static final int QUIET_BELOW = 1000;
    private final String task;
    private final int total;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private long lastPrinted = System.nanoTime();
    private int done;

    Progress(String task, int total, PrintStream err) {
        this.task = task;
        this.total = total;
        this.err = err;
    }

    void advance(int n) {
        done += n;
        long now = System.nanoTime();
        if (total >= QUIET_BELOW && now - lastPrinted >= 1_000_000_000L && done < total) {
            lastPrinted = now;
            err.printf(
                    Locale.ROOT, "%s: %d/%d (%d%%), %.0f posts/s%n", task, done, total, done * 100L / total, rate(now));
        }
    }

    void done() {
        err.printf(
                Locale.ROOT,
                "%s: %d/%d done in %.1f s (%.0f posts/s)%n",
                task,
                done,
                total,
                (System.nanoTime() - started) / 1e9,
                rate(System.nanoTime()));
    }

    private double rate(long now) {
        double s = (now - started) / 1e9;
        return s <= 0 ? 0 : done / s;
    }
}
