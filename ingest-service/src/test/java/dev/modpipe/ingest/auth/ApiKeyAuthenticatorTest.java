package dev.modpipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.ingest.platform.PlatformProperties;
import dev.modpipe.ingest.platform.Platforms;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new Platforms(List.of(
            new PlatformProperties(
                    "calmspace",
                    List.of(
                            ApiKeys.sha256Hex("calm-old"),
                            ApiKeys.sha256Hex("calm-new").toUpperCase()),
                    100,
                    1000),
            new PlatformProperties("mindful", List.of(ApiKeys.sha256Hex("mind")), 100, 1000))));

    @Test
    void shouldFindThePlatformOfEachOfItsKeys() {
        assertThat(authenticator.platformOf("calm-old")).hasValue("calmspace");
        assertThat(authenticator.platformOf("calm-new")).hasValue("calmspace");
        assertThat(authenticator.platformOf("mind")).hasValue("mindful");
    }

    @Test
    void shouldFindNoPlatformForAnyOtherKey() {
        assertThat(authenticator.platformOf("calm-ol")).isEmpty();
        assertThat(authenticator.platformOf(ApiKeys.sha256Hex("mind"))).isEmpty();
        assertThat(authenticator.platformOf("")).isEmpty();
        assertThat(authenticator.platformOf(null)).isEmpty();
        assertThat(authenticator.platformOf("k".repeat(10_000))).isEmpty();
    }

    @Test
    void shouldHashKeysAsTheReadmeSays() {
        // printf '%s' demo-key | sha256sum
        assertThat(ApiKeys.sha256Hex("demo-key"))
                .isEqualTo("c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c");
    }
}
