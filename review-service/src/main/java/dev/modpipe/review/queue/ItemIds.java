package dev.modpipe.review.queue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Review item ids. An item's id is derived from its post and the revision that opened it, so a
 * redelivered verdict names the same item (and an alert opened for it before the item was stored
 * refers to the right id).
 */
public final class ItemIds {
    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ItemIds() {}

    public static String forRevision(String postKey, int revision) {
        return UUID.nameUUIDFromBytes(("review-item:" + postKey + "#" + revision).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Whether a string has the form of an item id (anything else cannot name an item). */
    public static boolean isWellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
