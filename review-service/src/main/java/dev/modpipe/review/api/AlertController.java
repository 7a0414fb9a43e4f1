package dev.modpipe.review.api;

import dev.modpipe.model.AlertState;
import dev.modpipe.review.auth.AuthFilter;
import dev.modpipe.review.auth.Caller;
import dev.modpipe.review.auth.RequiresRole;
import dev.modpipe.review.auth.Role;
import dev.modpipe.review.escalation.Alert;
import dev.modpipe.review.escalation.AlertNotFoundException;
import dev.modpipe.review.escalation.AlertStore;
import dev.modpipe.review.escalation.EscalationService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.regex.Pattern;

/** Crisis alerts, for on-call staff. */
@Tag(name = "alerts")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/alerts")
public class AlertController {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AlertStore alerts;
    private final EscalationService escalation;

    public AlertController(AlertStore alerts, EscalationService escalation) {
        this.alerts = alerts;
        this.escalation = escalation;
    }

    /**
     * Alerts, newest first.
     *
     * @param state only alerts in this state (OPEN, ACKED, ESCALATED, RESOLVED, CANCELLED)
     * @param limit 1 to 500 (default 50)
     * @return the alerts
     */
    @Get
    @RequiresRole({Role.ONCALL, Role.LEAD})
    public List<AlertView> list(
            @QueryValue @Nullable AlertState state, @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return alerts.list(state, limit).stream()
                .map(a -> AlertView.of(a, null))
                .toList();
    }

    /**
     * One alert with its history (transitions and every delivery attempt).
     *
     * @param alertId the alert
     * @return the alert
     */
    @Get("/{alertId}")
    @RequiresRole({Role.ONCALL, Role.LEAD})
    public AlertView detail(@PathVariable String alertId) {
        return withHistory(alerts.find(wellFormed(alertId)).orElseThrow(() -> new AlertNotFoundException(alertId)));
    }

    /**
     * Acknowledges an alert: re-escalation stops, the targets already notified are told.
     *
     * @param alertId the alert
     * @return the alert; 409 when it was resolved or cancelled
     */
    @Post("/{alertId}/ack")
    @RequiresRole(Role.ONCALL)
    public AlertView acknowledge(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller,
            @PathVariable String alertId) {
        return withHistory(escalation.acknowledge(wellFormed(alertId), caller.name()));
    }

    /**
     * Resolves an alert: it is closed, the targets already notified are told.
     *
     * @param alertId the alert
     * @return the alert; 409 when it was cancelled
     */
    @Post("/{alertId}/resolve")
    @RequiresRole(Role.ONCALL)
    public AlertView resolve(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller,
            @PathVariable String alertId) {
        return withHistory(escalation.resolve(wellFormed(alertId), caller.name()));
    }

    private AlertView withHistory(Alert alert) {
        return AlertView.of(alert, alerts.history(alert.alertId()));
    }

    private static String wellFormed(String alertId) {
        if (!ID.matcher(alertId).matches()) {
            throw new AlertNotFoundException(alertId);
        }
        return alertId;
    }
}
