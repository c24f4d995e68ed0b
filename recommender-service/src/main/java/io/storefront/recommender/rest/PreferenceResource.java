package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.StoredText;
import io.storefront.recommender.repository.PreferenceRepository;
import io.storefront.recommender.repository.PreferenceRepository.PreferenceRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/users/{userId}/preferences")
@Tag(name = "Preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    static final int MAX_CATEGORIES = 50;

    @Schema(example = "{\"categories\": [\"Electronics\", \"Shoes\"], \"minPrice\": 500, \"maxPrice\": 20000}")
    public record PreferencesInput(@Schema(description = "categories or sub-categories the user likes") List<String> categories,
                                   BigDecimal minPrice, BigDecimal maxPrice) {
    }

    private final PreferenceRepository preferences;

    public PreferenceResource(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's preferences: liked categories are boosted, the price range filters; "
            + "they reach recommendations at the next model build")
    @APIResponse(responseCode = "200", description = "The stored preferences")
    @APIResponse(responseCode = "400", description = "Invalid preferences",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PreferenceRow> put(@RestPath String userId,
                                  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                                          schema = @Schema(implementation = PreferencesInput.class)))
                                  com.fasterxml.jackson.databind.JsonNode body) {
        PreferencesInput in = read(body);
        List<Problem.Violation> errors = new ArrayList<>();
        if (userId.isBlank() || userId.length() > InteractionResource.MAX_ID_LENGTH) {
            errors.add(Problem.Violation.of("userId", "at most " + InteractionResource.MAX_ID_LENGTH + " characters"));
        }
        Set<String> categories = new LinkedHashSet<>();
        if (in.categories() != null) {
            for (String c : in.categories()) {
                if (c == null || c.isBlank() || c.length() > InteractionResource.MAX_ID_LENGTH) {
                    errors.add(Problem.Violation.of("categories", "each a non-empty name up to 200 characters"));
                    break;
                }
                Problem.Violation unstorable = StoredText.violation("categories", c);
                if (unstorable != null) {
                    errors.add(unstorable);
                    break;
                }
                categories.add(c.strip());
            }
            if (categories.size() > MAX_CATEGORIES) errors.add(Problem.Violation.of("categories", "at most " + MAX_CATEGORIES));
        }
        if (in.minPrice() != null && in.minPrice().signum() < 0) errors.add(Problem.Violation.of("minPrice", "must not be negative"));
        if (in.maxPrice() != null && in.maxPrice().signum() < 0) errors.add(Problem.Violation.of("maxPrice", "must not be negative"));
        if (in.minPrice() != null && in.maxPrice() != null && in.minPrice().compareTo(in.maxPrice()) > 0) {
            errors.add(Problem.Violation.of("minPrice", "must not be above maxPrice"));
        }
        for (BigDecimal price : new BigDecimal[] {in.minPrice(), in.maxPrice()}) {
            if (price != null && price.compareTo(new BigDecimal("999999999999")) > 0) {
                errors.add(Problem.Violation.of("price", "prices up to 999,999,999,999"));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return preferences.put(userId, List.copyOf(categories), in.minPrice(), in.maxPrice());
    }

    /**
     * The body as preferences. Unknown fields are refused rather than ignored: a PUT replaces what is
     * stored, and a body meant for another endpoint must not silently clear a user's preferences.
     */
    static PreferencesInput read(com.fasterxml.jackson.databind.JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "a JSON object with categories, minPrice, maxPrice is required");
        }
        List<Problem.Violation> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!Set.of("categories", "minPrice", "maxPrice").contains(name)) {
                errors.add(Problem.Violation.of(name, "is not a preference (categories, minPrice, maxPrice)"));
            }
        });
        List<String> categories = null;
        var cats = body.get("categories");
        if (cats != null && !cats.isNull()) {
            if (!cats.isArray()) {
                errors.add(Problem.Violation.of("categories", "must be an array of names"));
            } else {
                categories = new ArrayList<>();
                for (var c : cats) {
                    if (!c.isTextual()) {
                        errors.add(Problem.Violation.of("categories", "each must be a name"));
                        break;
                    }
                    categories.add(c.asText());
                }
            }
        }
        BigDecimal min = price(body, "minPrice", errors);
        BigDecimal max = price(body, "maxPrice", errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new PreferencesInput(categories, min, max);
    }

    private static BigDecimal price(com.fasterxml.jackson.databind.JsonNode body, String name, List<Problem.Violation> errors) {
        var node = body.get(name);
        if (node == null || node.isNull()) return null;
        if (!node.isNumber() || (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()))) {
            errors.add(Problem.Violation.of(name, "must be a finite number"));
            return null;
        }
        return node.decimalValue();
    }

    @GET
    @Operation(summary = "A user's preferences")
    @APIResponse(responseCode = "404", description = "None set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PreferenceRow> get(@RestPath String userId) {
        return preferences.find(userId).map(p -> {
            if (p == null) throw ProblemException.notFound("No preferences set for user " + userId);
            return p;
        });
    }

    @DELETE
    @Operation(summary = "Forget a user's preferences")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "None set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@RestPath String userId) {
        return preferences.delete(userId).map(deleted -> {
            if (!deleted) throw ProblemException.notFound("No preferences set for user " + userId);
            return Response.noContent().build();
        });
    }
}
