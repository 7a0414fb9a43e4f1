package dev.modpipe.model;

/** What happened to a post on its platform. */
public enum EventType {
    /** A new post. */
    CREATED,
    /** A new revision of an existing post; it is classified again. */
    EDITED,
    /** The post was deleted; its open review item and alerts are closed. */
    DELETED
}
