package dev.modpipe.review.api;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.auth.AuthFilter;
import dev.modpipe.review.auth.Caller;
import dev.modpipe.review.auth.RequiresRole;
import dev.modpipe.review.auth.Role;
import dev.modpipe.review.claims.ClaimService;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueFilter;
import dev.modpipe.review.queue.QueuePage;
import dev.modpipe.review.queue.ReviewQueue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The moderators' queue: list it, claim the next item. */
@Tag(name = "queue")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/queue")
public class QueueController {
    private final ReviewQueue queue;
    private final ClaimService claims;
    private final Clock clock;

    public QueueController(ReviewQueue queue, ClaimService claims, Clock clock) {
        this.queue = queue;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * Lists unclaimed items, highest priority first: IMMINENT, HIGH, then overdue items of the other
     * classes, then threat, other self-harm, harmful, misinformation; oldest first within each.
     *
     * @param category only items flagged with this category
     * @param risk only items with this self-harm risk
     * @param language only items in this language (a primary tag also matches its regions)
     * @param lane MAIN (default) or ESCALATED (leads)
     * @param limit page size, 1 to 500 (default 20)
     * @param cursor the {@code nextCursor} of the previous page
     * @return a page of items
     */
    @Get
    @RequiresRole(Role.MODERATOR)
    public QueuePageView list(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller,
            @QueryValue @Nullable Category category,
            @QueryValue @Nullable RiskLevel risk,
            @QueryValue @Nullable @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String language,
            @QueryValue @Nullable Lane lane,
            @QueryValue(defaultValue = "20") @Min(1) @Max(500) int limit,
            @QueryValue @Nullable String cursor) {
        Lane chosen = lane(caller, lane);
        Instant now = clock.instant();
        QueuePage page = queue.list(new QueueFilter(category, risk, language), chosen, limit, cursor);
        return new QueuePageView(
                page.items().stream().map(i -> ItemView.of(i, now)).toList(), page.nextCursor());
    }

    /**
     * Claims the highest-priority item (matching the optional filters) and leases it to the caller
     * (default 5 minutes). No two callers ever get the same item.
     *
     * @param request optional filters; lane ESCALATED for leads
     * @return 200 and the item, or 204 when nothing matches
     */
    @Post("/claim")
    @RequiresRole(Role.MODERATOR)
    public HttpResponse<ItemView> claim(
            @Parameter(hidden = true) @RequestAttribute(AuthFilter.CALLER) Caller caller,
            @Body @Nullable @Valid ClaimRequest request) {
        ClaimRequest r = request == null ? new ClaimRequest(null, null, null, null) : request;
        Lane chosen = lane(caller, r.lane());
        return claims.claim(caller.name(), new QueueFilter(r.category(), r.risk(), r.language()), chosen)
                .map(item -> HttpResponse.ok(ItemView.of(item, clock.instant())))
                .orElseGet(HttpResponse::noContent);
    }

    /**
     * Lists the items currently leased to moderators (leads), lease ending soonest first. A lead may
     * release any of them to reassign it.
     *
     * @return the claimed items
     */
    @Get("/claims")
    @RequiresRole(Role.LEAD)
    public List<ItemView> claimed() {
        Instant now = clock.instant();
        return queue.claimed(500).stream().map(i -> ItemView.of(i, now)).toList();
    }

    private static Lane lane(Caller caller, @Nullable Lane lane) {
        if (lane == Lane.ESCALATED && !caller.may(Role.LEAD)) {
            throw new ForbiddenException("the ESCALATED lane is for the role LEAD");
        }
        return lane == null ? Lane.MAIN : lane;
    }
}
