package dev.modpipe.review.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses to start outside the {@code dev} environment while a user with one of the published
 * local-run tokens ({@code mod1-token}, {@code lead1-token}, {@code oncall1-token}, {@code
 * admin1-token}) is configured: those tokens are in the README, so they are no secret.
 */
@Context
@Requires(notEnv = DevCredentials.DEV_ENVIRONMENT)
public class DevCredentials {
    public static final String DEV_ENVIRONMENT = "dev";

    /** The dev users' tokens, as the contract's local run publishes them. */
    public static final List<String> DEV_TOKENS = Stream.of("mod1", "lead1", "oncall1", "admin1")
            .map(u -> u + "-token")
            .toList();

    public DevCredentials(Authenticator authenticator, Environment environment) {
        List<String> hashes = DEV_TOKENS.stream().map(TokenHash::of).toList();
        if (authenticator.hasAnyHash(hashes)) {
            throw new IllegalStateException(
                    "a dev credential (a <user>-token of the local run) is configured in environment(s) "
                            + environment.getActiveNames() + "; dev credentials are allowed only in the '"
                            + DEV_ENVIRONMENT
                            + "' environment");
        }
    }
}
