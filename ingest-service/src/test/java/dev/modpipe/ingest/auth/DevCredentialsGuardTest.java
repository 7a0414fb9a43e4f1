package dev.modpipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modpipe.ingest.platform.Platforms;
import dev.modpipe.ingest.privacy.PseudonymProperties;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dev credentials live in the dev environment only; any other refuses to start with them. */
class DevCredentialsGuardTest {
    private static final String PRODUCTION_KEY = "production-pseudonym-key-0123456789abcdef";

    private static ApplicationContext start(Map<String, Object> properties, String... environments) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments(environments)
                .properties(properties)
                .start();
    }

    @Test
    void shouldConfigureTheDemoPlatformWithDemoKeyInTheDevEnvironment() throws Exception {
        try (ApplicationContext context = start(Map.of(), "dev")) {
            String demoKeyHash = HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest("demo-key".getBytes(StandardCharsets.UTF_8)));
            assertThat(DevCredentials.API_KEY_SHA256).isEqualTo(demoKeyHash);
            assertThat(context.getBean(Platforms.class)
                            .get("demo")
                            .orElseThrow()
                            .apiKeySha256())
                    .containsExactly(DevCredentials.API_KEY_SHA256);
            assertThat(context.getBean(ApiKeyAuthenticator.class).platformOf("demo-key"))
                    .hasValue("demo");
            assertThat(context.getBean(PseudonymProperties.class).key()).isEqualTo(DevCredentials.PSEUDONYM_KEY);
        }
    }

    @Test
    void shouldRefuseToStartOutsideDevWithTheDevApiKey() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ingest.platforms.demo.api-key-sha256", DevCredentials.API_KEY_SHA256);
        properties.put("ingest.pseudonym.key", PRODUCTION_KEY);

        assertThatThrownBy(() -> start(properties, "prod").close())
                .hasStackTraceContaining("refusing to start with dev credentials outside the 'dev' environment")
                .hasStackTraceContaining("ingest.platforms.demo.api-key-sha256 holds the dev key demo-key");
    }

    @Test
    void shouldRefuseToStartOutsideDevWithTheDevApiKeyUnderAnyPlatformName() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ingest.platforms.calmspace.api-key-sha256", DevCredentials.API_KEY_SHA256.toUpperCase());
        properties.put("ingest.pseudonym.key", PRODUCTION_KEY);

        assertThatThrownBy(() -> start(properties, "test").close())
                .hasStackTraceContaining("ingest.platforms.calmspace.api-key-sha256 holds the dev key");
    }

    @Test
    void shouldRefuseToStartOutsideDevWithTheDevPseudonymKey() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ingest.pseudonym.key", DevCredentials.PSEUDONYM_KEY);

        assertThatThrownBy(() -> start(properties, "prod").close())
                .hasStackTraceContaining("ingest.pseudonym.key is the dev pseudonym key");
    }

    @Test
    void shouldStartOutsideDevWithCredentialsOfItsOwn() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ingest.platforms.calmspace.api-key-sha256", ApiKeys.sha256Hex("a-real-secret-key"));
        properties.put("ingest.pseudonym.key", PRODUCTION_KEY);

        try (ApplicationContext context = start(properties, "prod")) {
            assertThat(context.getBean(ApiKeyAuthenticator.class).platformOf("a-real-secret-key"))
                    .hasValue("calmspace");
            assertThat(context.getBean(ApiKeyAuthenticator.class).platformOf("demo-key"))
                    .isEmpty();
        }
    }
}
