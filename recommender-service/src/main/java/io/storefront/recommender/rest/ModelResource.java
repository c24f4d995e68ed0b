package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.service.FeedSync;
import io.storefront.recommender.service.ModelService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/recommender")
@Tag(name = "Model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** The model in use (null before the first build) and the state of the feeds it learns from. */
    public record ModelStatus(Long buildJob, OffsetDateTime builtAt, Map<String, Object> facts,
                              Map<String, FeedSync.FeedState> feeds) {
    }

    private final ModelService models;
    private final FeedSync sync;
    private final JobRepository jobs;

    public ModelResource(ModelService models, FeedSync sync, JobRepository jobs) {
        this.models = models;
        this.sync = sync;
        this.jobs = jobs;
    }

    @GET
    @Path("model")
    @Operation(summary = "The model in use: when it was built, its sizes and build time; each feed's cursor, last "
            + "success and staleness")
    public Uni<ModelStatus> status() {
        ModelService.Built built = models.currentOrNull();
        return sync.states().map(feeds -> built == null ? new ModelStatus(null, null, null, feeds)
                : new ModelStatus(built.job(), built.builtAt(), built.facts(), feeds));
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
    @Path("sync")
    @Operation(summary = "Read the analytics and sentiment change feeds now (they are also read every minute); "
            + "a feed whose service is down is reported, the other is still read")
    @APIResponse(responseCode = "200", description = "Rows applied per feed and errors per feed")
    public Uni<FeedSync.RunResult> syncNow() {
        return sync.syncAll();
    }
}
