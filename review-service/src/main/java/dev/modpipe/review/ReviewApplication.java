package dev.modpipe.review;

import io.micronaut.runtime.Micronaut;

/** Starts review-service. */
public final class ReviewApplication {
    private ReviewApplication() {}

    public static void main(String[] args) {
        Micronaut.run(ReviewApplication.class, args);
    }
}
