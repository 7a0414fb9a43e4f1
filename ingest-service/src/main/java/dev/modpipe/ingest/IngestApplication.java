package dev.modpipe.ingest;

import io.micronaut.runtime.Micronaut;

/** Starts ingest-service. */
public final class IngestApplication {
    private IngestApplication() {}

    public static void main(String[] args) {
        Micronaut.run(IngestApplication.class, args);
    }
}
