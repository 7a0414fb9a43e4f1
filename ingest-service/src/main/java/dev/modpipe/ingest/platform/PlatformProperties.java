package dev.modpipe.ingest.platform;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * One forum platform allowed to submit posts, bound from {@code ingest.platforms.<name>.*}.
 *
 * @param name the platform name, as it appears in every event ({@code [a-z0-9][a-z0-9_-]{0,63}})
 * @param apiKeySha256 the SHA-256 hashes (64 hex digits) of the platform's API keys; several allow a
 *     key rotation without downtime. Never the keys themselves
 * @param postsPerSecond the sustained rate of posts the platform may submit (a batch costs one per
 *     post), shared by every ingest instance through Redis
 * @param burst how many posts the platform may submit at once above the sustained rate; at least
 *     the size of the largest batch it sends
 */
@EachProperty("ingest.platforms")
public record PlatformProperties(
        @Parameter @Pattern(regexp = PlatformProperties.NAME_PATTERN) String name,
        @NotEmpty
                List<@Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 hash (64 hex digits)") String>
                        apiKeySha256,
        @Bindable(defaultValue = "100") @Min(1) @Max(1_000_000) int postsPerSecond,
        @Bindable(defaultValue = "1000") @Min(1) @Max(10_000_000) int burst) {

    /** The contract's pattern of platform names. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    public PlatformProperties {
        apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
    }
}
