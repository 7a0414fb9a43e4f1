package dev.modpipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.e2e.Pipeline;
import dev.modpipe.e2e.WebhookReceiver;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds, after a run, when each flagged post became visible in the moderators' queue and when
 * on-call was first notified of each crisis, through public interfaces only.
 *
 * <p>Queue visibility: review-service writes an {@code ENQUEUED} audit entry in the same atomic
 * Redis script that puts the item into the queue, stamped with the time the script ran; {@code GET
 * /v1/audit?since=} (a lead's view) gives these, and {@code GET /v1/queue} maps item ids to post
 * ids. Reading them after the run costs the system nothing while it is measured, where polling the
 * queue for thousands of posts would load the very service being timed. Notification: the on-call
 * webhook receiver stamps each message when it arrives; the first {@code trigger} naming a post
 * counts.
 */
public final class ReviewProbe {
    private static final int PAGE = 500;
    private static final int MAX_PAGES = 400;

    private final Pipeline pipeline;
    private final TimeBase time;

    public ReviewProbe(Pipeline pipeline, TimeBase time) {
        this.pipeline = pipeline;
        this.time = time;
    }

    /** Fills in the run's queue and notification times; returns how many of each were found. */
    public int[] collect(RunLog run, Instant since) {
        Map<String, String> postOfItem = openItems();
        int[] found = new int[2];
        enqueuedSince(since).forEach((itemId, epochMilli) -> {
            String postId = postOfItem.get(itemId);
            if (postId != null && run.indexOf(postId) >= 0) {
                run.queued(run.indexOf(postId), time.nanoOfEpochMilli(epochMilli));
                found[0]++;
            }
        });
        for (WebhookReceiver.Delivery delivery : pipeline.webhook.deliveries()) {
            JsonNode body = delivery.body();
            if (!"trigger".equals(body.path("event").asText())) {
                continue;
            }
            int index = run.indexOf(body.path("postId").asText(null));
            if (index >= 0 && run.notified(index) == RunLog.NONE) {
                run.notified(index, delivery.nanoTime());
                found[1]++;
            }
        }
        return found;
    }

    /** Item id to post id of every open item in the queue. */
    public Map<String, String> openItems() {
        Map<String, String> items = new HashMap<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/v1/queue?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode json = get(path, Pipeline.MODERATOR);
            for (JsonNode item : json.path("items")) {
                items.put(item.path("itemId").asText(), item.path("postId").asText());
            }
            cursor = json.path("nextCursor").asText(null);
            if (cursor == null || cursor.isEmpty() || json.path("items").isEmpty()) {
                break;
            }
        }
        return items;
    }

    /** Item id to the epoch milliseconds of its ENQUEUED audit entry, for entries since the instant. */
    public Map<String, Long> enqueuedSince(Instant since) {
        Map<String, Long> enqueued = new HashMap<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/v1/audit?limit=" + PAGE + "&since=" + encode(since.toString())
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode json = get(path, Pipeline.LEAD);
            for (JsonNode entry : json.path("entries")) {
                if ("ENQUEUED".equals(entry.path("action").asText())) {
                    enqueued.putIfAbsent(entry.path("itemId").asText(), epochMilli(entry.path("at")));
                }
            }
            cursor = json.path("nextCursor").asText(null);
            if (cursor == null || cursor.isEmpty() || json.path("entries").isEmpty()) {
                break;
            }
        }
        return enqueued;
    }

    private JsonNode get(String path, String token) {
        HttpResponse<String> response = pipeline.reviewGet(path, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return Pipeline.json(response);
    }

    /** An instant as the API writes it: ISO-8601 text, or epoch seconds with a fraction. */
    static long epochMilli(JsonNode at) {
        if (at.isNumber()) {
            return Math.round(at.asDouble() * 1000);
        }
        return Instant.parse(at.asText()).toEpochMilli();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
