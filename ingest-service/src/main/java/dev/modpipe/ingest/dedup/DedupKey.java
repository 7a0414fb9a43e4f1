package dev.modpipe.ingest.dedup;

import dev.modpipe.model.EventType;
import dev.modpipe.model.PostKey;

/**
 * What makes two submissions the same: platform, post and revision, and whether it is a deletion
 * (a DELETE of revision 3 is not a duplicate of the post's revision 3 itself).
 */
public record DedupKey(String platform, String postId, int revision, boolean deletion) {

    public static DedupKey of(String platform, String postId, int revision, EventType type) {
        return new DedupKey(platform, postId, revision, type == EventType.DELETED);
    }

    /** {@code platform:postId:revision}, with {@code :deleted} appended for a deletion. */
    public String id() {
        String id = PostKey.of(platform, postId) + ":" + revision;
        return deletion ? id + ":deleted" : id;
    }
}
