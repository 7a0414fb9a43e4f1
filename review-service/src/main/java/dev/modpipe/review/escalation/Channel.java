package dev.modpipe.review.escalation;

/** How a target is notified. */
public enum Channel {
    /** A generic JSON webhook (the whole alert). */
    WEBHOOK,
    /** A PagerDuty Events API v2 shaped webhook ({@code dedup_key} = alert id). */
    PAGERDUTY,
    /** A Slack incoming-webhook shaped message ({@code text} and {@code blocks}). */
    SLACK
}
