package dev.modpipe.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modpipe.model.Topics;
import dev.modpipe.review.auth.Authenticator;
import dev.modpipe.review.auth.Caller;
import dev.modpipe.review.auth.Role;
import dev.modpipe.review.auth.TokenHash;
import dev.modpipe.review.auth.UserConfig;
import dev.modpipe.review.escalation.Channel;
import dev.modpipe.review.escalation.EscalationConfig;
import dev.modpipe.review.escalation.EscalationPolicy;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** Configuration binds to validated records; the HTTP server, Kafka and Redis are not started. */
class ConfigBindingTest {

    private static ApplicationContext context(Map<String, Object> extra, String... environments) {
        Map<String, Object> props = new HashMap<>();
        props.put("kafka.enabled", false);
        props.put("review.intake.enabled", false);
        props.put("review.jobs.enabled", false);
        props.putAll(extra);
        return ApplicationContext.builder()
                .properties(props)
                .environments(environments.length == 0 ? new String[] {"test"} : environments)
                .start();
    }

    @Test
    void shouldBindTheDocumentedDefaults() {
        try (ApplicationContext ctx = context(Map.of())) {
            QueueConfig queue = ctx.getBean(QueueConfig.class);
            assertThat(queue.lease()).isEqualTo(Duration.ofMinutes(5));
            assertThat(queue.sla())
                    .isEqualTo(new QueueConfig.Sla(
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(15),
                            Duration.ofHours(4),
                            Duration.ofHours(1),
                            Duration.ofHours(4),
                            Duration.ofHours(24)));
            assertThat(queue.retention()).isEqualTo(Duration.ofDays(30));
            assertThat(ctx.getBean(TopicsConfig.class))
                    .isEqualTo(new TopicsConfig(
                            Topics.CLASSIFIED.defaultName(),
                            Topics.CLASSIFIED_DLQ.defaultName(),
                            Topics.DECISIONS.defaultName(),
                            Topics.ALERTS.defaultName()));
            RedisConfig redis = ctx.getBean(RedisConfig.class);
            assertThat(redis.url()).isEqualTo(System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379"));
            assertThat(redis.keyPrefix()).isEqualTo("review:");
            assertThat(ctx.getProperty("kafka.bootstrap.servers", String.class))
                    .contains(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
            assertThat(ctx.getProperty("micronaut.server.port", Integer.class))
                    .contains(Integer.parseInt(System.getenv().getOrDefault("REVIEW_PORT", "8083")));
            assertThat(ctx.getBean(IntakeConfig.class)).isEqualTo(new IntakeConfig("review-service", 5));
            assertThat(ctx.getBean(KafkaPublishConfig.class).publishTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(ctx.getBeansOfType(UserConfig.class)).isEmpty();
        }
    }

    @Test
    void shouldOverrideWithPropertiesInEitherDurationForm() {
        Map<String, Object> props = Map.of(
                "review.queue.lease", "PT30S",
                "review.queue.sla.high", "10m",
                "review.topics.decisions", "decisions.custom",
                "review.redis.url", "redis://redis.internal:6380");
        try (ApplicationContext ctx = context(props)) {
            assertThat(ctx.getBean(QueueConfig.class).lease()).isEqualTo(Duration.ofSeconds(30));
            assertThat(ctx.getBean(QueueConfig.class).sla().high()).isEqualTo(Duration.ofMinutes(10));
            assertThat(ctx.getBean(QueueConfig.class).sla().imminent()).isEqualTo(Duration.ofMinutes(5));
            assertThat(ctx.getBean(TopicsConfig.class).decisions()).isEqualTo("decisions.custom");
            assertThat(ctx.getBean(TopicsConfig.class).classified()).isEqualTo(Topics.CLASSIFIED.defaultName());
            assertThat(ctx.getBean(RedisConfig.class).url()).isEqualTo("redis://redis.internal:6380");
        }
    }

    @Test
    void shouldRefuseInvalidValues() {
        try (ApplicationContext ctx = context(Map.of("review.queue.lease", "0s"))) {
            assertThatThrownBy(() -> ctx.getBean(QueueConfig.class))
                    .hasStackTraceContaining("review.queue.lease must be positive");
        }
        try (ApplicationContext ctx = context(Map.of("review.redis.url", "localhost:6379"))) {
            assertThatThrownBy(() -> ctx.getBean(RedisConfig.class)).hasStackTraceContaining("url");
        }
        try (ApplicationContext ctx = context(Map.of("review.queue.scan-limit", "0"))) {
            assertThatThrownBy(() -> ctx.getBean(QueueConfig.class)).hasStackTraceContaining("scanLimit");
        }
    }

    @Test
    void shouldBindTheDefaultEscalationPolicyThatLogsWithoutAWebhookUrl() {
        try (ApplicationContext ctx = context(Map.of())) {
            EscalationConfig config = ctx.getBean(EscalationConfig.class);
            assertThat(config.ackTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(config.loops()).isEqualTo(2);
            assertThat(config.moderateThreshold()).isEqualTo(3);
            assertThat(config.moderateWindow()).isEqualTo(Duration.ofHours(24));
            assertThat(config.alertOnHigh()).isFalse();
            EscalationPolicy policy = ctx.getBean(EscalationPolicy.class);
            assertThat(policy.tiers()).hasSize(1);
            EscalationPolicy.Tier first = policy.tier(1);
            assertThat(first.name()).isEqualTo("oncall-primary");
            assertThat(first.ackTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(first.targets()).singleElement().satisfies(t -> {
                assertThat(t.channel()).isEqualTo(Channel.WEBHOOK);
                assertThat(t.logsOnly()).isEqualTo(System.getenv("ESCALATION_WEBHOOK_URL") == null);
            });
        }
    }

    @Test
    void shouldBindAnEscalationPolicyWithTiersTargetsAndEitherDurationForm() {
        Map<String, Object> props = new HashMap<>();
        props.put("ESCALATION_ACK_TIMEOUT", "30s");
        props.put("review.escalation.loops", 1);
        props.put("review.escalation.targets.primary.channel", "PAGERDUTY");
        props.put("review.escalation.targets.primary.url", "https://events.pagerduty.example/v2/enqueue");
        props.put("review.escalation.targets.primary.routing-key", "R0UTING");
        props.put("review.escalation.targets.leads.channel", "SLACK");
        props.put("review.escalation.targets.leads.url", "https://hooks.slack.example/T/B/X");
        props.put("review.escalation.tiers[0].name", "oncall-primary");
        props.put("review.escalation.tiers[0].targets", "primary");
        props.put("review.escalation.tiers[1].name", "leads");
        props.put("review.escalation.tiers[1].targets", "leads,primary");
        props.put("review.escalation.tiers[1].ack-timeout", "PT2M");
        try (ApplicationContext ctx = context(props)) {
            EscalationPolicy policy = ctx.getBean(EscalationPolicy.class);
            assertThat(policy.tiers())
                    .extracting(EscalationPolicy.Tier::name)
                    .containsExactly("oncall-primary", "leads");
            assertThat(policy.tier(1).ackTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(policy.tier(2).ackTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(policy.tier(2).targetNames()).containsExactly("leads", "primary");
            assertThat(policy.target("primary").orElseThrow().routingKey()).isEqualTo("R0UTING");
            assertThat(policy.next(new EscalationPolicy.Step(1, 0))).contains(new EscalationPolicy.Step(2, 0));
            assertThat(policy.next(new EscalationPolicy.Step(2, 0))).contains(new EscalationPolicy.Step(1, 1));
            assertThat(policy.next(new EscalationPolicy.Step(2, 1))).isEmpty();
        }
        props.put("review.escalation.tiers[1].targets", "nobody");
        assertThatThrownBy(() -> context(props).getBean(EscalationPolicy.class))
                .hasStackTraceContaining("unknown target nobody");
    }

    @Test
    void shouldBindThePolicyExampleOfTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Policy configuration");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Map<String, Object> example = new YamlPropertySourceLoader()
                .read("readme", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> props = new HashMap<>();
        props.put("kafka.enabled", false);
        props.put("review.intake.enabled", false);
        props.put("review.jobs.enabled", false);
        props.put("PAGERDUTY_ROUTING_KEY", "routing-key-from-the-environment");
        props.put("SLACK_WEBHOOK_URL", "https://hooks.slack.example/T0/B0/x");
        try (ApplicationContext ctx = ApplicationContext.builder()
                .environments("test")
                .properties(props)
                .propertySources(PropertySource.of("readme", example))
                .start()) {
            EscalationPolicy policy = ctx.getBean(EscalationPolicy.class);
            assertThat(policy.tiers())
                    .extracting(EscalationPolicy.Tier::name)
                    .containsExactly("oncall-primary", "leads");
            assertThat(policy.tier(1).targetNames()).containsExactly("primary-pager", "oncall-slack");
            assertThat(policy.tier(1).ackTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(policy.tier(2).ackTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(policy.target("primary-pager").orElseThrow().routingKey())
                    .isEqualTo("routing-key-from-the-environment");
            assertThat(policy.loops()).isEqualTo(2);
            assertThat(ctx.getBean(EscalationConfig.class).delivery().maxAttempts())
                    .isEqualTo(6);
        }
    }

    @Test
    void shouldBindUsersByTokenHashAndRefuseAPlainToken() {
        Map<String, Object> props = Map.of(
                "review.auth.users.ana.token-sha256",
                TokenHash.of("secret-of-ana"),
                "review.auth.users.ana.roles",
                "MODERATOR,LEAD");
        try (ApplicationContext ctx = context(props)) {
            Authenticator auth = ctx.getBean(Authenticator.class);
            assertThat(auth.authenticate("secret-of-ana"))
                    .contains(new Caller("ana", Set.of(Role.MODERATOR, Role.LEAD)));
            assertThat(auth.authenticate(TokenHash.of("secret-of-ana"))).isEmpty();
            assertThat(auth.authenticate("wrong")).isEmpty();
        }
        Map<String, Object> plain =
                Map.of("review.auth.users.bob.token-sha256", "bob-token", "review.auth.users.bob.roles", "MODERATOR");
        assertThatThrownBy(() -> context(plain).close()).hasStackTraceContaining("must be the SHA-256 hex of a token");
    }

    @Test
    void shouldStartWithTheDevUsersOnlyInTheDevEnvironment() {
        try (ApplicationContext ctx = context(Map.of(), "dev")) {
            Authenticator auth = ctx.getBean(Authenticator.class);
            assertThat(auth.authenticate("mod1-token")).contains(new Caller("mod1", Set.of(Role.MODERATOR)));
            assertThat(auth.authenticate("lead1-token")).contains(new Caller("lead1", Set.of(Role.LEAD)));
            assertThat(auth.authenticate("oncall1-token")).contains(new Caller("oncall1", Set.of(Role.ONCALL)));
            assertThat(auth.authenticate("admin1-token")).contains(new Caller("admin1", Set.of(Role.ADMIN)));
        }
        Map<String, Object> devTokenElsewhere = Map.of(
                "review.auth.users.someone.token-sha256",
                TokenHash.of("oncall1-token"),
                "review.auth.users.someone.roles",
                "ONCALL");
        assertThatThrownBy(() -> context(devTokenElsewhere, "prod").close()).hasStackTraceContaining("dev credential");
    }

    @Test
    void shouldHandAKilledInstancesPartitionsOverWithinFifteenSeconds() {
        // the intake's consumer takes the configuration named by its group id, as the listener
        // looks it up; Kafka is configured but nothing connects (the intake is off)
        Map<String, Object> props = new HashMap<>();
        props.put("review.intake.enabled", false);
        props.put("review.jobs.enabled", false);
        try (ApplicationContext ctx = ApplicationContext.builder()
                .properties(props)
                .environments("test")
                .start()) {
            String group = ctx.getBean(IntakeConfig.class).groupId();
            AbstractKafkaConsumerConfiguration<?, ?> consumer =
                    ctx.getBean(AbstractKafkaConsumerConfiguration.class, Qualifiers.byName(group));
            assertThat(consumer.getConfig().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))
                    .hasToString("15000");
        }
    }
}
