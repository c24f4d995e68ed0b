package io.storefront.sentiment.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.sentiment.repository.ReviewImportRepository;
import io.storefront.sentiment.repository.ReviewImportRepository.Job;
import io.storefront.sentiment.service.ReviewImportService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/reviews/imports")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewImportResource {

    /** A CSV import as clients poll it. */
    @Schema(description = "status: queued, running, succeeded or failed. A file that cannot be read (missing column, "
            + "broken quoting, not UTF-8) fails and stores nothing; otherwise every row not listed in errors is stored.")
    public record ImportJson(long id, String fileName, String status, int percent, Long etaSeconds, long bytesTotal,
                             long bytesRead, long rowsRead, long rowsStored, long rowsRejected, String model,
                             OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                             String failure, List<Problem.Violation> errors) {
        static ImportJson of(Job j) {
            int percent = switch (j.status()) {
                case "succeeded" -> 100;
                case "running" -> j.bytesTotal() == 0 ? 0 : (int) Math.min(99, 100 * j.bytesRead() / j.bytesTotal());
                default -> 0;
            };
            Long eta = null;
            if (j.status().equals("running") && percent > 0 && j.startedAt() != null) {
                double elapsed = Duration.between(j.startedAt(), j.updatedAt()).toMillis() / 1000.0;
                eta = Math.round(elapsed * (100 - percent) / percent);
            }
            return new ImportJson(j.id(), j.fileName(), j.status(), percent, eta, j.bytesTotal(), j.bytesRead(),
                    j.rowsRead(), j.rowsStored(), j.rowsRejected(), j.modelVersion(), j.createdAt(), j.startedAt(),
                    j.finishedAt(), j.failure(), j.errors());
        }
    }

    private final ReviewImportService imports;
    private final ReviewImportRepository jobs;

    public ReviewImportResource(ReviewImportService imports, ReviewImportRepository jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import reviews from a CSV file (multipart part 'file', header row with review_id, product_id, "
            + "text and optionally customer_id, rating, title, created_at, or common aliases) as a job")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = ImportJson.class)))
    @APIResponse(responseCode = "400", description = "No file part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a file part named 'file' is required (curl -F file=@reviews.csv)");
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "reviews.csv" : file.fileName();
        return imports.start(file.uploadedFile(), name).map(job -> Response.accepted(ImportJson.of(job))
                .location(URI.create("/api/v1/reviews/imports/" + job.id())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import job: progress, then rows stored and rejected rows with line and reason")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportJson> job(@RestPath String id) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No import job " + id);
        }
        return jobs.find(value).map(job -> {
            if (job == null) throw ProblemException.notFound("No import job " + id);
            return ImportJson.of(job);
        });
    }

    @GET
    @Operation(summary = "The latest 50 import jobs, newest first")
    public Uni<List<ImportJson>> latest() {
        return jobs.latest(50).map(list -> list.stream().map(ImportJson::of).toList());
    }
}
