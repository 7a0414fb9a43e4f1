package dev.modpipe.review.queue;

import dev.modpipe.review.config.QueueConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The queue's gauges (depth, oldest age and overdue items per class; claimed and escalated items)
 * from a snapshot refreshed every {@code review.queue.stats-interval}, and the SLA sweep that marks
 * and counts breaches every {@code review.queue.sla-sweep-interval}. Scrapes never touch Redis.
 */
@Singleton
@Requires(property = "review.jobs.enabled", notEquals = "false")
public class QueueMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);

    private final ReviewQueue queue;
    private final TaskScheduler scheduler;
    private final QueueConfig config;
    private final AtomicReference<QueueStats> latest = new AtomicReference<>(empty());
    private final Map<QueueClass, Counter> breaches = new EnumMap<>(QueueClass.class);
    private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

    public QueueMetrics(
            ReviewQueue queue,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            QueueConfig config,
            MeterRegistry registry) {
        this.queue = queue;
        this.scheduler = scheduler;
        this.config = config;
        for (QueueClass c : QueueClass.values()) {
            String name = c.name();
            Gauge.builder(
                            "review.queue.depth",
                            latest,
                            s -> s.get().byClass().get(c).depth())
                    .description("Unclaimed items in the moderators' queue")
                    .tag("class", name)
                    .register(registry);
            Gauge.builder(
                            "review.queue.oldest.age",
                            latest,
                            s -> s.get().byClass().get(c).oldestAge().toMillis() / 1000.0)
                    .description("Age of the oldest unclaimed item")
                    .baseUnit("seconds")
                    .tag("class", name)
                    .register(registry);
            Gauge.builder(
                            "review.queue.overdue",
                            latest,
                            s -> s.get().byClass().get(c).overdue())
                    .description("Unclaimed items past their class's SLA")
                    .tag("class", name)
                    .register(registry);
            breaches.put(
                    c,
                    Counter.builder("review.sla.breaches")
                            .description("Items that went past their SLA while open (counted once each)")
                            .tag("class", name)
                            .register(registry));
        }
        Gauge.builder("review.queue.claimed", latest, s -> s.get().claimed())
                .description("Items leased to moderators")
                .register(registry);
        Gauge.builder("review.queue.escalated", latest, s -> s.get().escalated())
                .description("Items escalated to leads, waiting")
                .register(registry);
    }

    @EventListener
    void start(StartupEvent event) {
        jobs.add(scheduler.scheduleWithFixedDelay(Duration.ZERO, config.statsInterval(), this::refresh));
        jobs.add(scheduler.scheduleWithFixedDelay(config.slaSweepInterval(), config.slaSweepInterval(), this::sweep));
    }

    @PreDestroy
    void stop() {
        jobs.forEach(job -> job.cancel(false));
    }

    /** Takes a new snapshot of the queue. */
    public void refresh() {
        try {
            latest.set(queue.stats());
        } catch (JedisException e) {
            LOG.warn(
                    "cannot refresh queue gauges: Redis unavailable ({})",
                    e.getClass().getSimpleName());
        } catch (RuntimeException | Error e) {
            LOG.error("queue gauges failed", e);
        }
    }

    /** Marks and counts items that went past their SLA. */
    public void sweep() {
        try {
            for (QueueClass c : queue.sweepSla(1000)) {
                breaches.get(c).increment();
            }
        } catch (JedisException e) {
            LOG.warn("cannot sweep SLAs: Redis unavailable ({})", e.getClass().getSimpleName());
        } catch (RuntimeException | Error e) {
            LOG.error("SLA sweep failed", e);
        }
    }

    private static QueueStats empty() {
        Map<QueueClass, QueueStats.ClassStats> byClass = new EnumMap<>(QueueClass.class);
        for (QueueClass c : QueueClass.values()) {
            byClass.put(c, new QueueStats.ClassStats(0, Duration.ZERO, 0));
        }
        return new QueueStats(byClass, 0, 0);
    }
}
