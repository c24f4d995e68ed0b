package io.storefront.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.gateway.client.RecommenderClient;
import io.storefront.gateway.client.UpstreamResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Recommendations, catalog, interactions and preferences at the public API: the original
 * application's {@code GET /recommend} and the recommender's routes, which have the same paths
 * behind the gateway as in front of it. Bodies and answers pass through unchanged.
 */
@Path("/")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommenderRoutes {

    private final RecommenderClient recommender;

    public RecommenderRoutes(RecommenderClient recommender) {
        this.recommender = recommender;
    }

    @GET
    @Path("recommend")
    @Operation(summary = "The original application's route: recommendations for a customer (user=ID) or products "
            + "similar to one (product=ID); k, category and the other parameters of the /api/v1 routes apply")
    @APIResponse(responseCode = "200", description = "The items with their reasons")
    @APIResponse(responseCode = "400", description = "Neither or both of user and product, or a bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommender is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recommend(@Parameter(description = "A customer id") @RestQuery String user,
                                   @Parameter(description = "A product id") @RestQuery String product,
                                   @Context UriInfo uri) {
        boolean forUser = user != null && !user.isBlank();
        boolean forProduct = product != null && !product.isBlank();
        if (forUser == forProduct) {
            throw ProblemException.invalid("user", "give either user (a customer id) or product (a product id)");
        }
        Map<String, String> query = QueryParams.of(uri);
        query.remove("user");
        query.remove("product");
        return (forUser ? recommender.forUser(user.strip(), query) : recommender.similar(product.strip(), query))
                .map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/recommendations/users/{userId}")
    @Operation(summary = "Recommendations for a user with reasons (k, category, exclude, excludeBought, inStock, explain); "
            + "basis says whether history, preferences or popularity was used")
    @APIResponse(responseCode = "200", description = "The items")
    @APIResponse(responseCode = "400", description = "k out of range, unknown category, bad flag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommender is unavailable or building its first model",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> forUser(@RestPath String userId, @Context UriInfo uri) {
        return recommender.forUser(userId, QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/recommendations/products/{productId}/similar")
    @Operation(summary = "Products like this one: bought by the same customers or described alike")
    @APIResponse(responseCode = "200", description = "The items")
    @APIResponse(responseCode = "404", description = "The product is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> similar(@RestPath String productId, @Context UriInfo uri) {
        return recommender.similar(productId, QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/recommendations/bought-together")
    @Operation(summary = "Frequently bought together with a basket (items=comma-separated product ids)")
    @APIResponse(responseCode = "200", description = "The items")
    @APIResponse(responseCode = "400", description = "No items or a bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> boughtTogether(@Context UriInfo uri) {
        return recommender.boughtTogether(QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/recommendations/popular")
    @Operation(summary = "The most bought products lately, overall or in a category")
    @APIResponse(responseCode = "200", description = "The items")
    public Uni<Response> popular(@Context UriInfo uri) {
        return recommender.popular(QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/catalog/products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Catalog")
    @Operation(summary = "Store a batch of products (JSON array of {productId, name, description, category, subCategory, "
            + "price, inStock, attributes}); a product sent again by id replaces the stored one")
    @APIResponse(responseCode = "200", description = "Stored; rejected products listed with index and reason")
    @APIResponse(responseCode = "422", description = "No product in the batch could be stored; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> storeProducts(byte[] body) {
        return recommender.storeProducts(body).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/catalog/products")
    @Tag(name = "Catalog")
    @Operation(summary = "The catalog a page at a time (after, category, limit)")
    public Uni<Response> products(@Context UriInfo uri) {
        return recommender.products(QueryParams.of(uri)).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/catalog/products/{productId}")
    @Tag(name = "Catalog")
    @Operation(summary = "One product")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> product(@RestPath String productId) {
        return recommender.product(productId).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/catalog/imports/{id}")
    @Tag(name = "Catalog")
    @Operation(summary = "A catalog import: status, percent, ETA, rows stored and rejected rows with line and reason")
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> productImport(@RestPath String id) {
        return recommender.productImport(id).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/catalog/imports")
    @Tag(name = "Catalog")
    @Operation(summary = "The latest catalog imports, newest first")
    public Uni<Response> productImports() {
        return recommender.productImports().map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record shop events (JSON array of {userId, productId, kind: view|cart|purchase|rating, rating, "
            + "quantity, occurredAt}); the same event sent twice is stored once")
    @APIResponse(responseCode = "200", description = "Stored; rejected events listed with index and reason")
    @APIResponse(responseCode = "422", description = "No event could be stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordInteractions(byte[] body) {
        return recommender.recordInteractions(body).map(UpstreamResponse::toResponse);
    }

    @PUT
    @Path("api/v1/users/{userId}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's preferences ({categories, minPrice, maxPrice})")
    @APIResponse(responseCode = "200", description = "The stored preferences")
    @APIResponse(responseCode = "400", description = "Invalid preferences",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putPreferences(@RestPath String userId, byte[] body) {
        return recommender.putPreferences(userId, body).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/users/{userId}/preferences")
    @Operation(summary = "A user's preferences")
    @APIResponse(responseCode = "404", description = "None set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> preferences(@RestPath String userId) {
        return recommender.preferences(userId).map(UpstreamResponse::toResponse);
    }

    @DELETE
    @Path("api/v1/users/{userId}/preferences")
    @Operation(summary = "Forget a user's preferences")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> deletePreferences(@RestPath String userId) {
        return recommender.deletePreferences(userId).map(UpstreamResponse::toResponse);
    }

    @GET
    @Path("api/v1/recommender/model")
    @Operation(summary = "The recommendation model in use (built at, sizes, build time) and the staleness of its feeds")
    public Uni<Response> model() {
        return recommender.model().map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/recommender/model/builds")
    @Operation(summary = "Rebuild the recommendation model now, as a job")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll")
    @APIResponse(responseCode = "409", description = "A build is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> buildModel() {
        return recommender.buildModel().map(PublicLocation::samePath);
    }

    @GET
    @Path("api/v1/recommender/model/builds/{id}")
    @Operation(summary = "One model build: progress, then the model's sizes, or why it failed")
    public Uni<Response> modelBuild(@RestPath String id) {
        return recommender.modelBuild(id).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/recommender/evaluations")
    @Operation(summary = "Evaluate offline on the store's own purchases as a job (cut, optional end): popularity, "
            + "item-kNN and the hybrid, variants new and repeat, HR/P/R/NDCG/MAP at 10 and coverage")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll, its result the table")
    @APIResponse(responseCode = "400", description = "cut missing or not a date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluate(@Context UriInfo uri) {
        return recommender.evaluate(QueryParams.of(uri)).map(PublicLocation::samePath);
    }

    @GET
    @Path("api/v1/recommender/evaluations/{id}")
    @Operation(summary = "One evaluation: progress, then its table of metrics")
    public Uni<Response> evaluation(@RestPath String id) {
        return recommender.evaluation(id).map(UpstreamResponse::toResponse);
    }

    @POST
    @Path("api/v1/recommender/sync")
    @Operation(summary = "Read the analytics and sentiment change feeds now (they are also read every minute)")
    public Uni<Response> sync() {
        return recommender.sync().map(UpstreamResponse::toResponse);
    }
}
