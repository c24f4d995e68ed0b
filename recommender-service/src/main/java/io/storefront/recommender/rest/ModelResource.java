package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.commons.problem.ProblemException;
import io.storefront.recommender.service.EvaluationService;
import io.storefront.recommender.service.FeedSync;
import io.storefront.recommender.service.ModelService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/recommender")
@Tag(name = "Model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /**
     * The model in use (null before the first build), the state of the feeds it learns from, and the
     * latest offline evaluation that finished (its job id, when, and its table), if any.
     */
    public record ModelStatus(Long buildJob, OffsetDateTime builtAt, Map<String, Object> facts,
                              Map<String, FeedSync.FeedState> feeds, Map<String, Object> latestEvaluation) {
    }

    private final ModelService models;
    private final FeedSync sync;
    private final JobRepository jobs;
    private final EvaluationService evaluations;

    public ModelResource(ModelService models, FeedSync sync, JobRepository jobs, EvaluationService evaluations) {
        this.models = models;
        this.sync = sync;
        this.jobs = jobs;
        this.evaluations = evaluations;
    }

    @GET
    @Path("model")
    @Operation(summary = "The model in use: when it was built, its sizes and build time; each feed's cursor, last "
            + "success and staleness; the latest offline evaluation's metrics")
    public Uni<ModelStatus> status() {
        ModelService.Built built = models.currentOrNull();
        return Uni.combine().all().unis(sync.states(), jobs.latestSucceeded(JobRepository.EVALUATION)).with((feeds, evaluation) -> {
            Map<String, Object> latest = null;
            if (evaluation != null) {
                latest = new java.util.LinkedHashMap<>();
                latest.put("job", evaluation.id());
                latest.put("finishedAt", evaluation.finishedAt());
                latest.putAll(evaluation.result());
            }
            return built == null ? new ModelStatus(null, null, null, feeds, latest)
                    : new ModelStatus(built.job(), built.builtAt(), built.facts(), feeds, latest);
        });
    }

    @POST
    @Path("model/builds")
    @Operation(summary = "Rebuild the model from the stored data now, as a job (this instance answers from the new "
            + "model when it ends)")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = JobJson.class)))
    @APIResponse(responseCode = "409", description = "A build is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> build() {
        return models.rebuild().map(job -> Response.accepted(JobJson.of(job))
                .location(URI.create("/api/v1/recommender/model/builds/" + job.id())).build());
    }

    @GET
    @Path("model/builds/{id}")
    @Operation(summary = "One model build: progress, then the model's sizes and build time, or why it failed")
    @APIResponse(responseCode = "404", description = "No such build",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JobJson> buildJob(@RestPath String id) {
        return JobJson.find(jobs, JobRepository.MODEL_BUILD, id, "model build");
    }

    @POST
    @Path("evaluations")
    @Operation(summary = "Evaluate offline on the store's own purchases, as a job: train on those before cut, test on "
            + "those from cut (to end, exclusive); popularity, item-kNN and the hybrid, variants new and repeat, "
            + "HR/P/R/NDCG/MAP at 10 and coverage")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll, its result the table",
            content = @Content(schema = @Schema(implementation = JobJson.class)))
    @APIResponse(responseCode = "400", description = "cut missing or not a date, end not after cut",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An evaluation is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluate(@RestQuery String cut, @RestQuery String end) {
        LocalDate from = day("cut", cut, true);
        LocalDate to = day("end", end, false);
        if (to != null && !to.isAfter(from)) throw ProblemException.invalid("end", "must be after cut");
        return evaluations.start(from, to).map(job -> Response.accepted(JobJson.of(job))
                .location(URI.create("/api/v1/recommender/evaluations/" + job.id())).build());
    }

    @GET
    @Path("evaluations/{id}")
    @Operation(summary = "One evaluation: progress, then the table of metrics per variant and method")
    @APIResponse(responseCode = "404", description = "No such evaluation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JobJson> evaluation(@RestPath String id) {
        return JobJson.find(jobs, JobRepository.EVALUATION, id, "evaluation");
    }

    private static LocalDate day(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw ProblemException.invalid(name, "is required: an ISO date such as 2024-07-01");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not an ISO date such as 2024-07-01");
        }
    }

    @POST
    @Path("sync")
    @Operation(summary = "Read the analytics and sentiment change feeds now (they are also read every minute); "
            + "a feed whose service is down is reported, the other is still read")
    @APIResponse(responseCode = "200", description = "Rows applied per feed and errors per feed")
    public Uni<FeedSync.RunResult> syncNow() {
        return sync.syncAll();
    }
}
