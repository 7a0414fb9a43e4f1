package dev.modpipe.review.api;

import dev.modpipe.review.auth.AuthFilter;
import dev.modpipe.review.auth.Caller;
import dev.modpipe.review.auth.RequiresRole;
import dev.modpipe.review.auth.Role;
import dev.modpipe.review.claims.ClaimService;
import dev.modpipe.review.config.QueueConfig;
import dev.modpipe.review.decision.DecisionRequest;
import dev.modpipe.review.decision.DecisionService;
import dev.modpipe.review.queue.ItemIds;
import dev.modpipe.review.queue.ItemNotFoundException;
import dev.modpipe.review.queue.ReviewItem;
import dev.modpipe.review.queue.ReviewQueue;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;

/** One review item: its detail, releasing it, deciding it. */
@Tag(name = "items")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/items")
public class ItemController {
    private final ReviewQueue queue;
    private final ClaimService claims;
    private final DecisionService decisions;
    private final QueueConfig config;
    private final Clock clock;

    public ItemController(
            ReviewQueue queue, ClaimService claims, DecisionService decisions, QueueConfig config, Clock clock) {
        this.queue = queue;
        this.claims = claims;
        this.decisions = decisions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The item with its latest verdict, evidence spans and the author's recent flagged items.
     *
     * @param itemId the item
     * @return the item's detail
     */
    @Get("/{itemId}")
    @RequiresRole(Role.MODERATOR)
    public ItemDetailView detail(@PathVariable String itemId) {
        ReviewItem item = find(itemId);
        List<ReviewItem> history = item.authorId() == null
                ? List.of()
                : queue.authorHistory(item.platform(), item.authorId(), config.historyLimit() + 1);
        return ItemDetailView.of(item, history, clock.instant());
    }

    /**
     * Returns a claimed item to the queue. Only its holder may, or a lead (to reassign it).
     *
     * @param itemId the item
     * @return the item, back in the queue
     */
    @Post("/{itemId}/release")
    @RequiresRole(Role.MODERATOR)
    public ItemView release(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller, @PathVariable String itemId) {
        requireWellFormed(itemId);
        claims.release(itemId, caller.name(), caller.may(Role.LEAD));
        return ItemView.of(find(itemId), clock.instant());
    }

    /**
     * Decides the item the caller holds: publishes a ModerationDecision to moderation.decisions.v1
     * and answers 200 once Kafka acknowledged it; 409 when another user holds it or the lease
     * ended; 503 (the item stays claimed) when Kafka is unavailable.
     *
     * @param itemId the item
     * @param request the action, the reason and an optional label correction
     * @return the published decision
     */
    @Post("/{itemId}/decision")
    @RequiresRole(Role.MODERATOR)
    public DecisionView decide(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller,
            @PathVariable String itemId,
            @Body @Valid DecisionRequest request) {
        requireWellFormed(itemId);
        return DecisionView.of(decisions.decide(itemId, caller.name(), request));
    }

    private ReviewItem find(String itemId) {
        requireWellFormed(itemId);
        return queue.find(itemId).orElseThrow(() -> new ItemNotFoundException(itemId));
    }

    private static void requireWellFormed(String itemId) {
        if (!ItemIds.isWellFormed(itemId)) {
            throw new ItemNotFoundException(itemId);
        }
    }
}
