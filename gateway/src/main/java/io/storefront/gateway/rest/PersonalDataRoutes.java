package io.storefront.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.privacy.Erasure;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.gateway.client.AnalyticsClient;
import io.storefront.gateway.client.RecommenderClient;
import io.storefront.gateway.client.SentimentClient;
import io.storefront.gateway.client.UpstreamResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A customer's rights over their data, carried out in every service: to see all of it, and to be forgotten. The
 * services are asked one after another, each answering {@code {customerId, records}}; a service that fails does
 * not stop the others, and the answer then says which failed. Both requests are safe to send again.
 */
@Path(Erasure.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataRoutes {

    private static final Logger LOG = Logger.getLogger(PersonalDataRoutes.class);

    /** Each service's records of the customer, in the order the services were asked. */
    public record PerService(String customerId, Map<String, Map<String, Object>> services) {
    }

    private record Ask(String service, Function<String, Uni<UpstreamResponse>> call) {
    }

    private final List<Ask> exports;
    private final List<Ask> erasures;
    private final PersonalDataRequests requests;

    public PersonalDataRoutes(AnalyticsClient analytics, SentimentClient sentiment, RecommenderClient recommender,
                              PersonalDataRequests requests) {
        this.requests = requests;
        this.exports = List.of(new Ask(AnalyticsClient.SERVICE, analytics::personalData),
                new Ask(SentimentClient.SERVICE, sentiment::personalData),
                new Ask(RecommenderClient.SERVICE, recommender::personalData));
        // analytics first: once its orders carry the pseudonym, the recommender's feed can no longer bring the id back
        this.erasures = List.of(new Ask(AnalyticsClient.SERVICE, analytics::erasePersonalData),
                new Ask(SentimentClient.SERVICE, sentiment::erasePersonalData),
                new Ask(RecommenderClient.SERVICE, recommender::erasePersonalData));
    }

    @GET
    @Path("/{customerId}")
    @Operation(summary = "Everything the suite holds about a customer, for them to see or take elsewhere (admin): "
            + "analytics' orders with their lines, sentiment's reviews, the recommender's events, purchases and "
            + "preferences")
    @APIResponse(responseCode = "200", description = "Every service's records of the customer",
            content = @Content(schema = @Schema(implementation = PerService.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "A service could not answer: an export that misses a service is "
            + "not given as complete; the problem names it (failed); send the same request again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PerService> export(@RestPath String customerId) {
        // what the others answered is not given: an export that misses a service must not look whole
        return carryOut("export", exports, Erasure.customerId(customerId), asked -> incomplete("The export is not "
                + "complete: " + String.join(" and ", asked.failed()) + " could not answer. Send the same request again",
                asked.failed(), Map.of()));
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Forget a customer everywhere (admin): analytics keeps their orders in its figures under a "
            + "random pseudonym without the name, sentiment deletes their reviews, the recommender deletes their "
            + "events, purchases and preferences and rebuilds its model. Idempotent: send it again after a failure")
    @APIResponse(responseCode = "200", description = "Every service erased what it held; counts per service",
            content = @Content(schema = @Schema(implementation = PerService.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "A service could not erase; the problem lists what each service "
            + "did (services) and which failed (failed); send the same request again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PerService> erase(@RestPath String customerId) {
        return carryOut("erasure", erasures, Erasure.customerId(customerId), asked -> incomplete("The erasure is not "
                + "complete: " + String.join(" and ", asked.failed()) + " could not erase; what the others erased stays "
                + "erased. Send the same request again", asked.failed(), Map.of("services", asked.records())));
    }

    /** Asks every service in turn and counts the request; when one failed, the problem {@code whenIncomplete} gives. */
    private Uni<PerService> carryOut(String request, List<Ask> asks, String customerId,
                                     Function<Asked, ProblemException> whenIncomplete) {
        return askEvery(asks, customerId).map(asked -> {
            requests.count(request, asked.failed().isEmpty());
            if (!asked.failed().isEmpty()) throw whenIncomplete.apply(asked);
            return new PerService(customerId, asked.records());
        });
    }

    private static ProblemException incomplete(String detail, List<String> failed, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>(more);
        extensions.put("failed", failed);
        return new ProblemException(502, ProblemType.UPSTREAM_UNAVAILABLE, detail, List.of(), extensions);
    }

    /** The records each service answered with, and the services that failed. */
    private record Asked(Map<String, Map<String, Object>> records, List<String> failed) {
    }

    private static Uni<Asked> askEvery(List<Ask> asks, String customerId) {
        Asked asked = new Asked(new LinkedHashMap<>(), new ArrayList<>());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Ask ask : asks) chain = chain.chain(() -> ask(ask, customerId, asked));
        return chain.replaceWith(asked);
    }

    /** One service; a failure is recorded, not thrown, so that the others are still asked. */
    private static Uni<Void> ask(Ask ask, String customerId, Asked asked) {
        return Uni.createFrom().<UpstreamResponse>deferred(() -> ask.call().apply(customerId))
                .map(answer -> {
                    // the status only: a problem's body names the request's path, which names the customer
                    if (answer.status() != 200) throw new IllegalStateException("answered " + answer.status());
                    return new JsonObject(Buffer.buffer(answer.body())).getJsonObject("records").getMap();
                })
                .onItemOrFailure().transform((records, error) -> {
                    if (error == null) {
                        asked.records().put(ask.service(), records);
                    } else {
                        LOG.warnf("personal data request to the %s service failed: %s", ask.service(), error.getMessage());
                        asked.records().put(ask.service(), Map.of("error",
                                error.getMessage() == null ? error.toString() : error.getMessage()));
                        asked.failed().add(ask.service());
                    }
                    return null;
                });
    }
}
