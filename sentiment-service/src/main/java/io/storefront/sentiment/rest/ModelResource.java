package io.storefront.sentiment.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.sentiment.domain.SentimentScorer;
import io.storefront.sentiment.repository.ModelRepository;
import io.storefront.sentiment.repository.ModelRepository.ModelRow;
import io.storefront.sentiment.service.ActiveModel;
import io.storefront.sentiment.service.ModelService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/models")
@Tag(name = "Models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** A model version: the training job while it runs, its cross-validated metrics when done. */
    public record ModelJson(int version, String name, String kind, String status, String phase, double percent,
                            boolean active, OffsetDateTime createdAt, OffsetDateTime finishedAt,
                            OffsetDateTime activatedAt, Integer examples, Integer positives,
                            Map<String, Object> metrics, String detail) {
        static ModelJson of(ModelRow r) {
            return new ModelJson(r.version(), "nbsvm-" + r.version(), r.kind(), r.status(), r.phase(), r.percent(),
                    r.active(), r.createdAt(), r.finishedAt(), r.activatedAt(), r.examples(), r.positives(),
                    r.metrics() == null ? null : r.metrics().getMap(), r.detail());
        }
    }

    /** Every version, newest first, and the model scoring uses now. */
    public record ModelList(String active, List<ModelJson> models) {
    }

    private final ModelService service;
    private final ModelRepository models;
    private final ActiveModel active;

    public ModelResource(ModelService service, ModelRepository models, ActiveModel active) {
        this.service = service;
        this.models = models;
        this.active = active;
    }

    @POST
    @Operation(summary = "Train a domain model on the stored rated reviews (4–5 stars positive, 1–2 negative) as a job; "
            + "it is compared with the lexicon by cross-validation and activated only when better")
    @APIResponse(responseCode = "202", description = "The job; follow its Location",
            content = @Content(schema = @Schema(implementation = ModelJson.class)))
    @APIResponse(responseCode = "409", description = "A model is being trained",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> train() {
        return service.train().map(row -> Response.accepted(ModelJson.of(row))
                .location(URI.create("/api/v1/models/" + row.version())).build());
    }

    @GET
    @Operation(summary = "Model versions with their status, metrics and which one is active")
    public Uni<ModelList> list() {
        return models.list().map(rows -> new ModelList(activeName(), rows.stream().map(ModelJson::of).toList()));
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One model version (the training job's progress while it runs)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelJson> model(@RestPath String version) {
        return models.find(parse(version)).map(row -> {
            if (row == null) throw ProblemException.notFound("No model version " + version);
            return ModelJson.of(row);
        });
    }

    @POST
    @Path("{version}/activate")
    @Operation(summary = "Score with this trained version from now on (also to roll back to an earlier one)")
    @APIResponse(responseCode = "200", description = "Active")
    @APIResponse(responseCode = "404", description = "No trained version with that number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelJson> activate(@RestPath String version) {
        return service.activate(parse(version)).map(ModelJson::of);
    }

    @POST
    @Path("lexicon/activate")
    @Operation(summary = "Score with the lexicon again (no trained model active)")
    @APIResponse(responseCode = "200", description = "The lexicon scores")
    public Uni<Map<String, String>> useLexicon() {
        return service.useLexicon().map(x -> Map.of("active", SentimentScorer.VERSION));
    }

    private String activeName() {
        return active.get() == null ? SentimentScorer.VERSION : active.get().name();
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No model version '" + version + "': versions are numbers, or 'lexicon'");
        }
    }
}
