package dev.modpipe.model;

/** The life cycle of a crisis alert. */
public enum AlertState {
    OPEN,
    ACKED,
    ESCALATED,
    RESOLVED,
    CANCELLED;

    /** Whether the alert can still change state. */
    public boolean isTerminal() {
        return this == RESOLVED || this == CANCELLED;
    }
}
