package dev.modpipe.review.auth;

import java.util.Arrays;
import java.util.Set;

/** The authenticated user of a request. */
public record Caller(String name, Set<Role> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Whether one of the caller's roles grants any of {@code required}. */
    public boolean may(Role... required) {
        return roles.stream().anyMatch(r -> Arrays.stream(required).anyMatch(r::grants));
    }
}
