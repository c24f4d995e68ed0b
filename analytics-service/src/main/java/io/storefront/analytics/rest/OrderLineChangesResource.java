package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.repository.ChangeFeedRepository;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.query.CursorQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/order-lines/changes")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class OrderLineChangesResource {

    static final int DEFAULT_ORDERS = 500;
    static final int MAX_ORDERS = 5000;

    private final ChangeFeedRepository feed;

    public OrderLineChangesResource(ChangeFeedRepository feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Order lines changed after a cursor, whole orders at a time (for the recommender)")
    @APIResponse(responseCode = "200", description = "A page; resume with after=cursor",
            content = @Content(schema = @Schema(implementation = OrderLineChangesResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderLineChangesResponse> changes(
            @Parameter(description = "Cursor from the previous page; absent or 0 = from the start") @RestQuery String after,
            @Parameter(description = "Orders per page, 1.." + MAX_ORDERS + " (default " + DEFAULT_ORDERS + ")") @RestQuery String limit) {
        CursorQuery query = CursorQuery.parse(after, limit, DEFAULT_ORDERS, MAX_ORDERS);
        return feed.after(query.after(), query.limit() + 1)
                .map(lines -> OrderLineChangesResponse.page(query.after(), query.limit(), lines));
    }
}
