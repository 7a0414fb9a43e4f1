package dev.modpipe.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;

/** The runs whose posts are being watched for, found again from a post id. Thread-safe. */
public final class RunRegistry {
    private final Map<String, RunLog> runs = new ConcurrentHashMap<>();

    public void add(RunLog run) {
        runs.put(run.tag(), run);
    }

    public void remove(RunLog run) {
        runs.remove(run.tag());
    }

    /** Calls {@code action} with the run and index of this post id, if it belongs to a watched run. */
    public void find(String postId, ObjIntConsumer<RunLog> action) {
        if (postId == null || !postId.startsWith("bench-")) {
            return;
        }
        int dash = postId.lastIndexOf('-');
        if (dash <= "bench-".length()) {
            return;
        }
        RunLog run = runs.get(postId.substring("bench-".length(), dash));
        if (run == null) {
            return;
        }
        int index = run.indexOf(postId);
        if (index >= 0) {
            action.accept(run, index);
        }
    }
}
