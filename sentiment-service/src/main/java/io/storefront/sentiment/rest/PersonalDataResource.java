package io.storefront.sentiment.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.privacy.Erasure;
import io.storefront.commons.privacy.PersonalData;
import io.storefront.commons.problem.Problem;
import io.storefront.sentiment.service.PersonalDataService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path(Erasure.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    private final PersonalDataService personalData;

    public PersonalDataResource(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @GET
    @Path("/{customerId}")
    @Operation(summary = "Everything held about a customer, for them to see or take elsewhere: the reviews they wrote "
            + "with their scores (records.reviews); empty for a customer with no reviews")
    @APIResponse(responseCode = "200", description = "The customer's data",
            content = @Content(schema = @Schema(implementation = PersonalData.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonalData> export(@RestPath String customerId) {
        String id = Erasure.customerId(customerId);
        return personalData.reviews(id).map(reviews -> new PersonalData(id, Map.of("reviews",
                reviews.stream().map(ReviewResponses.ReviewJson::of).toList())));
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Forget a customer: the reviews they wrote are deleted and the summaries of their products "
            + "recomputed. Idempotent: an unknown customer changes nothing")
    @APIResponse(responseCode = "200", description = "What was deleted",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Erasure> erase(@RestPath String customerId) {
        return personalData.erase(Erasure.customerId(customerId));
    }
}
