package io.storefront.sentiment.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.CursorQuery;
import io.storefront.sentiment.domain.ReviewInput;
import io.storefront.sentiment.repository.ReviewRepository;
import io.storefront.sentiment.rest.ReviewResponses.ProductSentimentJson;
import io.storefront.sentiment.rest.ReviewResponses.ReviewJson;
import io.storefront.sentiment.rest.ReviewResponses.ReviewPage;
import io.storefront.sentiment.rest.ReviewResponses.SummaryChanges;
import io.storefront.sentiment.service.ReviewService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final ReviewService service;
    private final ReviewRepository reviews;

    public ReviewResource(ReviewService service, ReviewRepository reviews) {
        this.service = service;
        this.reviews = reviews;
    }

    @POST
    @Path("reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a batch of reviews (a JSON array), scored at ingest; a review sent again by id replaces the stored one")
    @APIResponse(responseCode = "200", description = "Stored; rejected rows listed with their index and reason",
            content = @Content(schema = @Schema(implementation = ReviewBatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array of reviews, or too many",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No review in the batch could be stored; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewBatchResponse> store(List<ReviewInput> batch) {
        return service.store(batch);
    }

    @GET
    @Path("reviews")
    @Operation(summary = "Stored reviews with their scores, in the order they were stored or replaced")
    @APIResponse(responseCode = "200", description = "A page; resume with after=cursor",
            content = @Content(schema = @Schema(implementation = ReviewPage.class)))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewPage> list(@Parameter(description = "Only this product's reviews") @RestQuery String productId,
                                @Parameter(description = "Cursor from the previous page") @RestQuery String after,
                                @Parameter(description = "Reviews per page, 1.." + MAX_PAGE) @RestQuery String limit) {
        CursorQuery query = CursorQuery.parse(after, limit, DEFAULT_PAGE, MAX_PAGE);
        return reviews.after(query.after(), query.limit() + 1, productId == null || productId.isBlank() ? null : productId)
                .map(rows -> ReviewPage.of(query.after(), query.limit(), rows));
    }

    @GET
    @Path("reviews/{reviewId}")
    @Operation(summary = "One stored review with its scores")
    @APIResponse(responseCode = "200", description = "The review")
    @APIResponse(responseCode = "404", description = "No such review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewJson> review(@RestPath String reviewId) {
        return reviews.find(reviewId).map(r -> {
            if (r == null) throw ProblemException.notFound("No review " + reviewId);
            return ReviewJson.of(r);
        });
    }

    @GET
    @Path("products/{productId}/sentiment")
    @Operation(summary = "A product's review sentiment: mean polarity, shares, rating-text mismatches, monthly trend, "
            + "most praised and most criticised aspects")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = ProductSentimentJson.class)))
    @APIResponse(responseCode = "404", description = "The product has no reviews",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProductSentimentJson> productSentiment(@RestPath String productId) {
        return reviews.summary(productId).chain(summary -> {
            if (summary == null) throw ProblemException.notFound("No reviews of product " + productId);
            return Uni.combine().all().unis(reviews.monthly(productId), reviews.aspects(productId))
                    .with((months, aspects) -> ProductSentimentJson.of(summary, months, aspects));
        });
    }

    @GET
    @Path("product-sentiment/changes")
    @Tag(name = "Change feed")
    @Operation(summary = "Product sentiment summaries changed after a cursor (for the recommender)")
    @APIResponse(responseCode = "200", description = "A page; resume with after=cursor",
            content = @Content(schema = @Schema(implementation = SummaryChanges.class)))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SummaryChanges> summaryChanges(@RestQuery String after, @RestQuery String limit) {
        CursorQuery query = CursorQuery.parse(after, limit, DEFAULT_PAGE * 5, MAX_PAGE * 5);
        return reviews.summariesAfter(query.after(), query.limit() + 1)
                .map(rows -> SummaryChanges.of(query.after(), query.limit(), rows));
    }
}
