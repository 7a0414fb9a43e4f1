package dev.modpipe.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modpipe.model.EventJson;
import java.util.UUID;

/** Posts as a platform submits them, each with a fresh id so tests never see each other's. */
final class Posts {
    static final String IMMINENT =
            "I have all the pills counted out on my desk and tonight is the night. I wrote my goodbye letters. I'm sorry everyone.";
    static final String MODERATE =
            "I keep thinking about killing myself and the thoughts won't stop, every single day.";
    static final String HARASSMENT =
            "Nobody in this forum wants you here, you pathetic attention seeker. Do everyone a favour and disappear.";
    static final String BENIGN = "Day 12 of my journaling streak. Walked the dog, cooked a real dinner, called my mum.";
    static final String IDIOM =
            "This statistics exam is killing me, I swear. Three chapters left and the library closes at nine.";

    private Posts() {}

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String submission(String postId, String body) {
        return submission(postId, 1, body);
    }

    static String submission(String postId, int revision, String body) {
        ObjectNode post = EventJson.mapper().createObjectNode();
        post.put("postId", postId);
        post.put("revision", revision);
        post.put("threadId", "t-e2e");
        post.put("authorId", "e2e-author-" + postId);
        post.put("body", body);
        post.put("createdAt", "2026-11-21T10:00:00Z");
        return post.toString();
    }
}
