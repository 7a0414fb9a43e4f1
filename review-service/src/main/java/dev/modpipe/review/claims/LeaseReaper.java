package dev.modpipe.review.claims;

import dev.modpipe.review.config.QueueConfig;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Returns items whose lease ended to the queue every {@code review.queue.reap-interval}, so they
 * come back even when nobody claims (a claim also does it first). Safe on several instances: the
 * script moves each item once.
 */
@Singleton
@Requires(property = "review.jobs.enabled", notEquals = "false")
public class LeaseReaper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

    private final ClaimService claims;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private ScheduledFuture<?> job;

    public LeaseReaper(
            ClaimService claims, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, QueueConfig config) {
        this.claims = claims;
        this.scheduler = scheduler;
        this.interval = config.reapInterval();
    }

    @EventListener
    void start(StartupEvent event) {
        job = scheduler.scheduleWithFixedDelay(interval, interval, this::reap);
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel(false);
        }
    }

    void reap() {
        try {
            int n = claims.reapExpired();
            if (n > 0) {
                LOG.info("{} lease(s) ended; their items are back in the queue", n);
            }
        } catch (JedisException e) {
            LOG.warn("cannot reap leases: Redis unavailable ({})", e.getClass().getSimpleName());
        } catch (RuntimeException | Error e) {
            LOG.error("lease reaper failed", e);
        }
    }
}
