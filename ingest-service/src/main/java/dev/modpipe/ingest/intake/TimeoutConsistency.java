package dev.modpipe.ingest.intake;

import dev.modpipe.ingest.dedup.DedupProperties;
import dev.modpipe.ingest.publish.KafkaProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Checks at startup that a reservation of a post in flight outlives the longest wait for Kafka:
 * otherwise a slow write could lose its reservation and a concurrent retry be written twice.
 */
@Context
public final class TimeoutConsistency {

    public TimeoutConsistency(KafkaProperties kafka, DedupProperties dedup) {
        if (dedup.pendingTtl().compareTo(kafka.ackBound()) <= 0) {
            throw new ConfigurationException("ingest.dedup.pending-ttl (" + dedup.pendingTtl()
                    + ") must exceed the Kafka acknowledgement bound (" + kafka.ackBound()
                    + " = delivery-timeout + max-block + 1s)");
        }
    }
}
