package dev.modpipe.model;

/** The top-level categories the classifier scores every post for. */
public enum Category {
    HARMFUL,
    MISINFORMATION,
    SELF_HARM
}
