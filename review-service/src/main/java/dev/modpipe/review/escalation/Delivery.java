package dev.modpipe.review.escalation;

import java.util.Map;

/** One notification job: a message of some kind about an alert, to one target. */
public record Delivery(String deliveryId, String alertId, String target, DeliveryKind kind, int tier, int attempt) {
    static Delivery fromHash(Map<String, String> h) {
        if (h == null || h.get("deliveryId") == null) {
            return null;
        }
        return new Delivery(
                h.get("deliveryId"),
                h.get("alertId"),
                h.get("target"),
                DeliveryKind.valueOf(h.get("kind")),
                Integer.parseInt(h.getOrDefault("tier", "1")),
                Integer.parseInt(h.getOrDefault("attempt", "0")));
    }
}
