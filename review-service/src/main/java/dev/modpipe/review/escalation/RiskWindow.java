package dev.modpipe.review.escalation;

import java.time.Duration;
import java.time.Instant;

/** Counts an author's MODERATE posts in a sliding window. */
public interface RiskWindow {
    /** Records a MODERATE post (each post once) and returns how many the author has in the window. */
    long recordModerate(String platform, String authorId, String postKey, Instant receivedAt, Duration window);
}
