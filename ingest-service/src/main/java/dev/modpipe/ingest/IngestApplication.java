package dev.modpipe.ingest;

import io.micronaut.runtime.Micronaut;

/**
 * Starts ingest-service: the HTTP front door that authenticates forum platforms, validates and
 * pseudonymises their posts and writes them to Kafka.
 */
public final class IngestApplication {
    private IngestApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(IngestApplication.class).banner(false).start();
    }
}
