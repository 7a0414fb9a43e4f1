package dev.modpipe.review.support;

import java.util.Map;

/** An escalation policy for tests, with short timeouts, whose targets are a {@link WebhookReceiver}. */
public final class Escalations {
    public static final String PRIMARY = "/primary";
    public static final String PAGER = "/pagerduty";
    public static final String SLACK = "/slack";
    public static final String FLAKY = "/flaky";
    public static final String DOWN = "/down";
    public static final String SECONDARY = "/secondary";
    public static final String ROUTING_KEY = "test-routing-key";

    private Escalations() {}

    /**
     * Tier 1 (oncall-primary): a generic webhook, PagerDuty, Slack, a webhook failing twice per
     * alert and one that is down; tier 2 (oncall-secondary): a generic webhook. Ack timeout as
     * given, no repeat.
     */
    public static void policy(Map<String, Object> p, WebhookReceiver receiver, String ackTimeout) {
        p.put("review.escalation.ack-timeout", ackTimeout);
        p.put("review.escalation.loops", 0);
        p.put("review.escalation.alert-on-high", true);
        p.put("review.escalation.poll-interval", "100ms");
        p.put("review.escalation.link-template", "https://{platform}.example/posts/{postId}");
        p.put("review.escalation.delivery.initial-backoff", "200ms");
        p.put("review.escalation.delivery.max-backoff", "400ms");
        p.put("review.escalation.delivery.max-attempts", 4);
        p.put("review.escalation.delivery.timeout", "2s");
        p.put("review.escalation.delivery.lease", "10s");
        target(p, "primary", "WEBHOOK", receiver.url(PRIMARY));
        target(p, "pager", "PAGERDUTY", receiver.url(PAGER));
        p.put("review.escalation.targets.pager.routing-key", ROUTING_KEY);
        target(p, "slack", "SLACK", receiver.url(SLACK));
        target(p, "flaky", "WEBHOOK", receiver.url(FLAKY));
        target(p, "down", "WEBHOOK", receiver.url(DOWN));
        target(p, "secondary", "WEBHOOK", receiver.url(SECONDARY));
        p.put("review.escalation.tiers[0].name", "oncall-primary");
        p.put("review.escalation.tiers[0].targets", "primary,pager,slack,flaky,down");
        p.put("review.escalation.tiers[1].name", "oncall-secondary");
        p.put("review.escalation.tiers[1].targets", "secondary");
    }

    private static void target(Map<String, Object> p, String name, String channel, String url) {
        p.put("review.escalation.targets." + name + ".channel", channel);
        p.put("review.escalation.targets." + name + ".url", url);
    }
}
