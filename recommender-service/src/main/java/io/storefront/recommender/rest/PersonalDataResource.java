package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.privacy.Erasure;
import io.storefront.commons.privacy.PersonalData;
import io.storefront.commons.problem.Problem;
import io.storefront.recommender.service.PersonalDataService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    @Operation(summary = "Everything held about a customer, for them to see or take elsewhere: the shop events sent "
            + "about them (records.interactions), their purchases as synced from analytics (records.purchases) and "
            + "their preferences (records.preferences); empty lists for a customer never seen")
    @APIResponse(responseCode = "200", description = "The customer's data",
            content = @Content(schema = @Schema(implementation = PersonalData.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonalData> export(@RestPath String customerId) {
        String id = Erasure.customerId(customerId);
        return personalData.records(id).map(records -> new PersonalData(id, records));
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Forget a customer: their events, synced purchases and preferences are deleted and the model "
            + "rebuilt without them. Idempotent: an unknown customer changes nothing")
    @APIResponse(responseCode = "200", description = "What was deleted",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Erasure> erase(@RestPath String customerId) {
        return personalData.erase(Erasure.customerId(customerId));
    }
}
