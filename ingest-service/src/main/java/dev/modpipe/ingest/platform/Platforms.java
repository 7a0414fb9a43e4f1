package dev.modpipe.ingest.platform;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The configured platforms, checked once at startup: names valid, no key hash shared. Immutable. */
@Singleton
public final class Platforms {
    private final Map<String, PlatformProperties> byName;

    public Platforms(List<PlatformProperties> platforms) {
        Map<String, PlatformProperties> names = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (PlatformProperties platform : platforms) {
            if (!platform.name().matches(PlatformProperties.NAME_PATTERN)) {
                throw new ConfigurationException("ingest.platforms." + platform.name() + ": a platform name must match "
                        + PlatformProperties.NAME_PATTERN);
            }
            for (String hash : platform.apiKeySha256()) {
                String other = owners.putIfAbsent(hash.toLowerCase(Locale.ROOT), platform.name());
                if (other != null && !other.equals(platform.name())) {
                    throw new ConfigurationException("ingest.platforms." + platform.name()
                            + ".api-key-sha256: the same key hash is configured for platform " + other);
                }
            }
            names.put(platform.name(), platform);
        }
        this.byName = Map.copyOf(names);
    }

    public Optional<PlatformProperties> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<PlatformProperties> all() {
        return List.copyOf(byName.values());
    }
}
