package dev.modpipe.model;

/** How likely a post signals that its author's life is at risk, from no signal to imminent danger. */
public enum RiskLevel {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    IMMINENT;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
