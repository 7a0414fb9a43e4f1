package dev.modpipe.review.queue;

/** No review item has this id (or it was closed long enough ago to be forgotten). */
public class ItemNotFoundException extends RuntimeException {
    private final String itemId;

    public ItemNotFoundException(String itemId) {
        super("no review item " + itemId);
        this.itemId = itemId;
    }

    public String itemId() {
        return itemId;
    }
}
