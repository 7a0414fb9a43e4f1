package dev.modpipe.review.escalation;

import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation policy, checked at startup: ordered tiers of targets with ack timeouts, repeated
 * up to {@code loops} more times after the last tier (like PagerDuty's or Opsgenie's escalation
 * policies). Created at startup, so a policy naming an unknown target stops the service. Immutable.
 */
@Context
public final class EscalationPolicy {
    private final List<Tier> tiers;
    private final Map<String, TargetConfig> targets;
    private final int loops;

    /** One tier: its number (from 1), name, targets and ack timeout. */
    public record Tier(int number, String name, List<TargetConfig> targets, Duration ackTimeout) {
        public List<String> targetNames() {
            return targets.stream().map(TargetConfig::name).toList();
        }
    }

    /** A position in the policy: a tier in a pass (passes count from 0). */
    public record Step(int tier, int pass) {}

    public EscalationPolicy(EscalationConfig config, List<TierConfig> tierConfigs, List<TargetConfig> targetConfigs) {
        Map<String, TargetConfig> byName = new HashMap<>();
        for (TargetConfig target : targetConfigs) {
            if (target.channel() == Channel.PAGERDUTY
                    && !target.logsOnly()
                    && (target.routingKey() == null || target.routingKey().isBlank())) {
                throw new IllegalStateException(
                        "review.escalation.targets." + target.name() + ".routing-key is required for PAGERDUTY");
            }
            byName.put(target.name(), target);
        }
        List<TierConfig> ordered = new ArrayList<>(tierConfigs);
        ordered.sort(Comparator.comparing(TierConfig::index));
        List<Tier> built = new ArrayList<>();
        for (TierConfig tier : ordered) {
            List<TargetConfig> resolved = new ArrayList<>();
            for (String name : tier.targets()) {
                TargetConfig target = byName.get(name);
                if (target == null) {
                    throw new IllegalStateException("review.escalation.tiers[" + tier.index()
                            + "] names the unknown target " + name + "; define it under review.escalation.targets");
                }
                resolved.add(target);
            }
            Duration timeout = tier.ackTimeout() != null ? tier.ackTimeout() : config.ackTimeout();
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalStateException(
                        "review.escalation.tiers[" + tier.index() + "].ack-timeout must be positive");
            }
            built.add(new Tier(built.size() + 1, tier.name(), List.copyOf(resolved), timeout));
        }
        if (config.enabled() && built.isEmpty()) {
            throw new IllegalStateException("review.escalation.tiers must list at least one tier");
        }
        this.tiers = List.copyOf(built);
        this.targets = Map.copyOf(byName);
        this.loops = config.loops();
    }

    public List<Tier> tiers() {
        return tiers;
    }

    public Tier tier(int number) {
        return tiers.get(number - 1);
    }

    public Optional<TargetConfig> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    public int loops() {
        return loops;
    }

    /** The step after {@code current}, or empty when the policy is exhausted. */
    public Optional<Step> next(Step current) {
        if (current.tier() < tiers.size()) {
            return Optional.of(new Step(current.tier() + 1, current.pass()));
        }
        if (current.pass() < loops) {
            return Optional.of(new Step(1, current.pass() + 1));
        }
        return Optional.empty();
    }
}
