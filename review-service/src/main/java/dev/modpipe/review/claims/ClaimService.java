package dev.modpipe.review.claims;

import dev.modpipe.review.config.QueueConfig;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueFilter;
import dev.modpipe.review.queue.ReviewItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Claims with the configured lease, counted in metrics. */
@Singleton
public class ClaimService {
    private final ClaimStore store;
    private final QueueConfig config;
    private final Counter claims;
    private final Counter leasesEnded;

    public ClaimService(ClaimStore store, QueueConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.claims = Counter.builder("review.claims")
                .description("Items leased to moderators")
                .register(registry);
        this.leasesEnded = Counter.builder("review.leases.expired")
                .description("Claims whose lease ended without a decision or release")
                .register(registry);
    }

    /** Leases the next item to the user for {@code review.queue.lease}. */
    public Optional<ReviewItem> claim(String user, QueueFilter filter, Lane lane) {
        ClaimStore.Claim claim = store.claim(user, filter, lane, config.lease());
        leasesEnded.increment(claim.leasesEnded());
        claim.item().ifPresent(item -> claims.increment());
        return claim.item();
    }

    public void release(String itemId, String user, boolean force) {
        store.release(itemId, user, force);
    }

    /** Returns items whose lease ended to the queue; the number returned. */
    public int reapExpired() {
        int n = store.reapExpired(1000);
        leasesEnded.increment(n);
        return n;
    }
}
