package dev.modpipe.bench;

import java.util.concurrent.CompletableFuture;

/** A way a platform hands posts to the pipeline: over HTTP (single or batch) or straight to the topic. */
public interface Submitter extends AutoCloseable {
    /**
     * Submits posts {@code from .. from+count-1} of the run, which were due at {@code dueNanos}, and
     * records each one's acceptance or failure in the run. The future completes when every one of
     * them has been answered; it never completes exceptionally.
     */
    CompletableFuture<Void> submit(RunLog run, int from, int count, long dueNanos);

    /** Posts per call this submitter is meant for (1 for single posts). */
    int postsPerCall();

    String describe();

    @Override
    void close();
}
