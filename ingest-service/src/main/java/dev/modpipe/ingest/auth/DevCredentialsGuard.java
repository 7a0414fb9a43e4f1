package dev.modpipe.ingest.auth;

import dev.modpipe.ingest.platform.PlatformProperties;
import dev.modpipe.ingest.platform.Platforms;
import dev.modpipe.ingest.privacy.PseudonymProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses to start the service outside the {@code dev} environment while a dev credential (the
 * {@code demo-key} API key or the dev pseudonym key) is configured: they are public, so a service
 * with them would accept anyone's posts or make author pseudonyms reversible by anyone.
 */
@Context
public final class DevCredentialsGuard {

    public DevCredentialsGuard(Environment environment, Platforms platforms, PseudonymProperties pseudonym) {
        if (environment.getActiveNames().contains(DevCredentials.ENVIRONMENT)) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (PlatformProperties platform : platforms.all()) {
            for (String hash : platform.apiKeySha256()) {
                if (hash.toLowerCase(Locale.ROOT).equals(DevCredentials.API_KEY_SHA256)) {
                    found.add("ingest.platforms." + platform.name() + ".api-key-sha256 holds the dev key demo-key");
                }
            }
        }
        if (DevCredentials.PSEUDONYM_KEY.equals(pseudonym.key())) {
            found.add("ingest.pseudonym.key is the dev pseudonym key");
        }
        if (!found.isEmpty()) {
            throw new ConfigurationException("refusing to start with dev credentials outside the '"
                    + DevCredentials.ENVIRONMENT + "' environment (active: " + environment.getActiveNames() + "): "
                    + String.join("; ", found));
        }
    }
}
