package dev.modpipe.review.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Prometheus metrics at {@code /metrics}, without authentication (contract). */
@Tag(name = "operations")
@Controller("/metrics")
public class MetricsController {
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * All metrics in the Prometheus text format.
     *
     * @return the scrape
     */
    @Get
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return registry.scrape();
    }
}
