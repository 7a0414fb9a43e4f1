package dev.modpipe.ingest.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /metrics}: every meter in the Prometheus text format, without authentication. */
@Controller
@Tag(name = "operations")
public class MetricsController {
    /** The Prometheus text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get("/metrics")
    @Produces(CONTENT_TYPE)
    @Operation(
            summary = "Prometheus metrics",
            description = "ingest_posts_accepted_total, ingest_rejected_total"
                    + " (by reason), ingest_request_duration_seconds (histogram), JVM and HTTP server meters")
    public String metrics() {
        return registry.scrape();
    }
}
