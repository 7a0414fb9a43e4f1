package dev.modpipe.review.escalation;

import dev.modpipe.model.AlertState;

/** The alert's state does not allow the transition (409), e.g. acknowledging a resolved alert. */
public class AlertConflictException extends RuntimeException {
    public AlertConflictException(String alertId, String action, AlertState state) {
        super("crisis alert " + alertId + " is " + state + "; it cannot be " + action);
    }
}
