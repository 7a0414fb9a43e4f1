package dev.modpipe.review.escalation;

/** An application event: an alert changed, so its notifications and events should go out now. */
public record AlertChanged(String alertId) {}
