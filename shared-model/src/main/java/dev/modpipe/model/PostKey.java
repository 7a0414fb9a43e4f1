package dev.modpipe.model;

/**
 * The record key shared by every topic about a post, {@code "platform:postId"}, so that all events
 * about one post land on one partition and stay in order.
 */
public final class PostKey {
    private PostKey() {}

    public static String of(String platform, String postId) {
        return Checks.required(platform, "platform") + ":" + Checks.required(postId, "postId");
    }

    /** The platform part of a key (platform names never contain a colon). */
    public static String platformOf(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new InvalidEventException("key", "must have the form platform:postId");
        }
        return key.substring(0, colon);
    }

    /** The post id part of a key. */
    public static String postIdOf(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new InvalidEventException("key", "must have the form platform:postId");
        }
        return key.substring(colon + 1);
    }
}
