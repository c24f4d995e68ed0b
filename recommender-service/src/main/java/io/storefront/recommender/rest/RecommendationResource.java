package io.storefront.recommender.rest;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.service.ModelService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Recommendations from the in-memory model. No I/O, but a few milliseconds of CPU over the whole
 * catalogue at 50k products, so these routes run on worker threads, not on the event loop.
 */
@Path("/api/v1/recommendations")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    static final int MAX_BASKET = 100;

    private final ModelService models;
    private final RecommenderConfig config;

    public RecommendationResource(ModelService models, RecommenderConfig config) {
        this.models = models;
        this.config = config;
    }

    @GET
    @Path("users/{userId}")
    @Operation(summary = "Recommendations for a user, each with its reasons: re-buys, bought with their items, similar to "
            + "what they bought, popular in their categories; adjusted by review sentiment and diversified")
    @APIResponse(responseCode = "200", description = "The items; basis says whether history, preferences or popularity was used",
            content = @Content(schema = @Schema(implementation = RecommendationJson.ForUser.class)))
    @APIResponse(responseCode = "400", description = "k out of range, unknown category, bad flag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The first model is still being built",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationJson.ForUser forUser(
            @RestPath String userId,
            @Parameter(description = "Items wanted, 1..100 (default 10)") @RestQuery String k,
            @Parameter(description = "Only this category or sub-category") @RestQuery String category,
            @Parameter(description = "Product ids to leave out, comma-separated") @RestQuery String exclude,
            @Parameter(description = "Leave out what the user already bought (default false: re-buys are a third of demand)")
            @RestQuery String excludeBought,
            @Parameter(description = "Only products in stock (default true)") @RestQuery String inStock,
            @Parameter(description = "Include the reasons (default true)") @RestQuery String explain) {
        ModelService.Built built = models.current();
        RecommendationParams p = RecommendationParams.parse(k, category, exclude, excludeBought, inStock, explain,
                config.maxK(), built.categories());
        Recommender.Answer answer = built.model().forUser(userId, p.k(), p.filter());
        return new RecommendationJson.ForUser(userId, built.model().knowsUser(userId), answer.basis(), built.builtAt(),
                RecommendationJson.Item.of(answer.items(), p.explain()));
    }

    @GET
    @Path("products/{productId}/similar")
    @Operation(summary = "Products like this one: bought by the same customers or described alike")
    @APIResponse(responseCode = "200", description = "The items",
            content = @Content(schema = @Schema(implementation = RecommendationJson.Similar.class)))
    @APIResponse(responseCode = "404", description = "The model does not know the product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationJson.Similar similar(@RestPath String productId, @RestQuery String k, @RestQuery String category,
                                              @RestQuery String exclude, @RestQuery String inStock,
                                              @RestQuery String explain) {
        ModelService.Built built = models.current();
        RecommendationParams p = RecommendationParams.parse(k, category, exclude, null, inStock, explain, config.maxK(),
                built.categories());
        List<Recommender.Recommendation> list = built.model().similarTo(productId, p.k(), p.filter());
        if (list == null) {
            throw ProblemException.notFound("No product " + productId + " in the model (is it in the catalog? models are "
                    + "rebuilt a few minutes after the data changes)");
        }
        return new RecommendationJson.Similar(productId, built.builtAt(), RecommendationJson.Item.of(list, p.explain()));
    }

    @GET
    @Path("bought-together")
    @Operation(summary = "Frequently bought together with a basket (items=comma-separated product ids)")
    @APIResponse(responseCode = "200", description = "The items; basket ids the model does not know are listed",
            content = @Content(schema = @Schema(implementation = RecommendationJson.BoughtTogether.class)))
    @APIResponse(responseCode = "400", description = "No items, too many, or bad parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationJson.BoughtTogether boughtTogether(@RestQuery String items, @RestQuery String k,
                                                            @RestQuery String category, @RestQuery String inStock,
                                                            @RestQuery String explain) {
        ModelService.Built built = models.current();
        Set<String> basket = new LinkedHashSet<>();
        if (items != null) for (String id : items.split(",")) if (!id.isBlank()) basket.add(id.strip());
        if (basket.isEmpty() || basket.size() > MAX_BASKET) {
            throw ProblemException.invalid("items", "between 1 and " + MAX_BASKET + " product ids, comma-separated");
        }
        RecommendationParams p = RecommendationParams.parse(k, category, null, null, inStock, explain, config.maxK(),
                built.categories());
        List<String> unknown = new ArrayList<>();
        for (String id : basket) if (!built.model().knowsItem(id)) unknown.add(id);
        List<Recommender.Recommendation> list = built.model().boughtWith(List.copyOf(basket), p.k(), p.filter());
        return new RecommendationJson.BoughtTogether(List.copyOf(basket), unknown, built.builtAt(),
                RecommendationJson.Item.of(list, p.explain()));
    }

    @GET
    @Path("popular")
    @Operation(summary = "The most bought products lately (purchases decay with a 90-day half-life), overall or in a category")
    @APIResponse(responseCode = "200", description = "The items",
            content = @Content(schema = @Schema(implementation = RecommendationJson.Popular.class)))
    public RecommendationJson.Popular popular(@RestQuery String k, @RestQuery String category, @RestQuery String inStock,
                                              @RestQuery String explain) {
        ModelService.Built built = models.current();
        RecommendationParams p = RecommendationParams.parse(k, category, null, null, inStock, explain, config.maxK(),
                built.categories());
        return new RecommendationJson.Popular(p.filter().category(), built.builtAt(),
                RecommendationJson.Item.of(built.model().popular(p.k(), p.filter()), p.explain()));
    }
}
