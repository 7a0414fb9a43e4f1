package dev.modpipe.bench;

/** What a generated post is written to be; the classifier's verdict is measured against it. */
public enum PostKind {
    BENIGN(false),
    /** Benign, with dark idioms ("this exam is killing me") that must not be flagged. */
    IDIOM(false),
    HARASSMENT(true),
    SCAM(true),
    MISINFORMATION(true),
    /** Self-harm ideation without a plan: a review item, no crisis alert. */
    SELF_HARM(true),
    /** Intent, plan, means and a timeline: should be IMMINENT, open an alert and notify on-call. */
    CRISIS(true);

    private final boolean meantToBeFlagged;

    PostKind(boolean meantToBeFlagged) {
        this.meantToBeFlagged = meantToBeFlagged;
    }

    public boolean meantToBeFlagged() {
        return meantToBeFlagged;
    }
}
