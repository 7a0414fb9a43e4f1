package dev.modpipe.review.escalation;

/** What a notification says (PagerDuty's event_action). */
public enum DeliveryKind {
    TRIGGER,
    ACKNOWLEDGE,
    RESOLVE;

    /** PagerDuty Events v2 {@code event_action}. */
    public String eventAction() {
        return switch (this) {
            case TRIGGER -> "trigger";
            case ACKNOWLEDGE -> "acknowledge";
            case RESOLVE -> "resolve";
        };
    }
}
