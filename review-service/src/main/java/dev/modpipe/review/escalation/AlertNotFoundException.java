package dev.modpipe.review.escalation;

/** No alert has this id (404). */
public class AlertNotFoundException extends RuntimeException {
    public AlertNotFoundException(String alertId) {
        super("no crisis alert " + alertId);
    }
}
