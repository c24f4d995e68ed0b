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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A customer's request to be forgotten, carried out in every service. Each service's erasure is idempotent, so
 * one that failed is simply asked again; what the others did stays done.
 */
@Path(Erasure.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataRoutes {

    private static final Logger LOG = Logger.getLogger(PersonalDataRoutes.class);

    /** What every service answered, in the order they were asked. */
    public record ErasureJson(String customerId, Map<String, Map<String, Object>> services) {
    }

    private final AnalyticsClient analytics;
    private final SentimentClient sentiment;
    private final RecommenderClient recommender;

    public PersonalDataRoutes(AnalyticsClient analytics, SentimentClient sentiment, RecommenderClient recommender) {
        this.analytics = analytics;
        this.sentiment = sentiment;
        this.recommender = recommender;
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Forget a customer everywhere (admin): analytics keeps their orders in its figures under a "
            + "random pseudonym without the name, sentiment deletes their reviews, the recommender deletes their "
            + "events, purchases and preferences and rebuilds its model. Idempotent: send it again after a failure")
    @APIResponse(responseCode = "200", description = "Every service erased what it held; counts per service",
            content = @Content(schema = @Schema(implementation = ErasureJson.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "A service could not erase; the problem lists what each service "
            + "did (services) and which failed (failed); send the same request again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ErasureJson> erase(@RestPath String customerId) {
        String id = Erasure.customerId(customerId);
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        // analytics first: once its orders carry the pseudonym, the recommender's feed can no longer bring the id back
        return ask(AnalyticsClient.SERVICE, () -> analytics.erasePersonalData(id), services, failed)
                .chain(() -> ask(SentimentClient.SERVICE, () -> sentiment.erasePersonalData(id), services, failed))
                .chain(() -> ask(RecommenderClient.SERVICE, () -> recommender.erasePersonalData(id), services, failed))
                .map(done -> {
                    if (!failed.isEmpty()) {
                        throw new ProblemException(502, ProblemType.UPSTREAM_UNAVAILABLE, "The erasure is not complete: "
                                + String.join(" and ", failed) + " could not erase; what the others erased stays erased. "
                                + "Send the same request again", List.of(), Map.of("services", services, "failed", failed));
                    }
                    return new ErasureJson(id, services);
                });
    }

    /** One service's erasure; a failure is recorded, not thrown, so that the others are still asked. */
    private static Uni<Void> ask(String service, Supplier<Uni<UpstreamResponse>> call,
                                 Map<String, Map<String, Object>> services, List<String> failed) {
        return Uni.createFrom().<UpstreamResponse>deferred(call::get)
                .map(answer -> {
                    // the status only: a problem's body names the request's path, which names the customer
                    if (answer.status() != 200) throw new IllegalStateException("answered " + answer.status());
                    return new JsonObject(Buffer.buffer(answer.body())).getJsonObject("records").getMap();
                })
                .onItemOrFailure().transform((records, error) -> {
                    if (error == null) {
                        services.put(service, records);
                    } else {
                        LOG.warnf("personal data erasure in the %s service failed: %s", service, error.getMessage());
                        services.put(service, Map.of("error", error.getMessage() == null ? error.toString() : error.getMessage()));
                        failed.add(service);
                    }
                    return null;
                });
    }
}
