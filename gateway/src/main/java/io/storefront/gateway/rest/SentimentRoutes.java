package io.storefront.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.gateway.client.SentimentClient;
import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Sentiment at the public API: the original application's {@code POST /sentiment} and the review
 * routes under {@code /api/v1/sentiment}. Bodies and answers pass through unchanged.
 */
@Path("/")
@Tag(name = "Sentiment")
@Produces(MediaType.APPLICATION_JSON)
public class SentimentRoutes {

    private static final String SCORE_EXAMPLE = "{\"text\": \"Great screen, but the battery died in a week.\"}";

    private final SentimentClient sentiment;

    public SentimentRoutes(SentimentClient sentiment) {
        this.sentiment = sentiment;
    }

    @POST
    @Path("sentiment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score one text ({\"text\": ...}) or a batch ({\"texts\": [...]}): polarity [-1, 1], "
            + "subjectivity [0, 1], label, confidence, sentences and aspects (the original application's route)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = SCORE_EXAMPLE))
    @APIResponse(responseCode = "200", description = "The scores")
    @APIResponse(responseCode = "400", description = "Neither or both of text and texts, or not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A text is over the length limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Binary data, not text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sentiment service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> score(byte[] body) {
        return sentiment.score(body).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/sentiment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score one text or a batch (the same as POST /sentiment)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = SCORE_EXAMPLE))
    @APIResponse(responseCode = "200", description = "The scores")
    @APIResponse(responseCode = "503", description = "The sentiment service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> scoreV1(byte[] body) {
        return score(body);
    }

    @POST
    @Path("api/v1/sentiment/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a batch of reviews (JSON array of {reviewId, productId, customerId, rating, title, "
            + "text, createdAt}), scored at ingest; a review sent again by id replaces the stored one")
    @APIResponse(responseCode = "200", description = "Stored; rejected rows listed with index and reason")
    @APIResponse(responseCode = "422", description = "No review in the batch could be stored; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> storeReviews(byte[] body) {
        return sentiment.storeReviews(body).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/reviews/imports/{id}")
    @Operation(summary = "A review import job: status, percent, ETA, rows stored and rejected rows with line and reason")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reviewImport(@RestPath String id) {
        return sentiment.reviewImport(id).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/reviews/imports")
    @Operation(summary = "The latest review import jobs, newest first")
    @APIResponse(responseCode = "200", description = "The jobs")
    public Uni<Response> reviewImports() {
        return sentiment.reviewImports().map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/reviews")
    @Operation(summary = "Stored reviews with scores; parameters productId, after (cursor), limit")
    @APIResponse(responseCode = "200", description = "A page; resume with after=cursor")
    public Uni<Response> reviews(@Context UriInfo uri) {
        return sentiment.reviews(QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/reviews/{reviewId}")
    @Operation(summary = "One stored review with its scores")
    @APIResponse(responseCode = "200", description = "The review")
    @APIResponse(responseCode = "404", description = "No such review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> review(@RestPath String reviewId) {
        return sentiment.review(reviewId).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/products/{productId}")
    @Operation(summary = "A product's review sentiment: mean polarity, shares, rating-text mismatches, monthly trend, "
            + "most praised and criticised aspects")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = "The product has no reviews",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> productSentiment(@RestPath String productId) {
        return sentiment.productSentiment(productId).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/sentiment/models")
    @Operation(summary = "Train a domain model on the stored rated reviews as a job; it is activated only when it "
            + "beats the lexicon in cross-validation")
    @APIResponse(responseCode = "202", description = "The job; follow its self link")
    @APIResponse(responseCode = "409", description = "A model is being trained",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> train() {
        return sentiment.train()
                .map(upstream -> PublicLocation.of(upstream, "/api/v1/models/", "/api/v1/sentiment/models/"));
    }

    @GET
    @Path("api/v1/sentiment/models")
    @Operation(summary = "Model versions with status, cross-validated metrics, and the active one")
    @APIResponse(responseCode = "200", description = "The versions")
    public Uni<Response> models() {
        return sentiment.models().map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/sentiment/models/{version}")
    @Operation(summary = "One model version; while training, the job's phase and percent")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> model(@RestPath String version) {
        return sentiment.model(version).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/sentiment/models/{version}/activate")
    @Operation(summary = "Score with this trained version (or 'lexicon') from now on: activation and rollback")
    @APIResponse(responseCode = "200", description = "Active")
    @APIResponse(responseCode = "404", description = "No trained version with that number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> activate(@RestPath String version) {
        return sentiment.activate(version).map(UpstreamResponse::toResponse);
    }
}
