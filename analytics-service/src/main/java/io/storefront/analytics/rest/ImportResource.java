package io.storefront.analytics.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.SeedCsvSource;
import io.storefront.analytics.service.ImportService;
import io.storefront.analytics.service.ImportService.Upload;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.query.CursorQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Order imports as jobs: an accepted upload answers 202 with the job's URL; poll it for progress,
 * rejected rows and the outcome.
 */
@Path("/api/v1/imports")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/seed")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import the original application's order.csv + detail.csv (day-first dates), as a job")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "A file part is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importSeed(@RestForm("order") FileUpload order, @RestForm("detail") FileUpload detail) {
        requirePart("order", order, SeedCsvSource.ORDER_FILE);
        requirePart("detail", detail, SeedCsvSource.DETAIL_FILE);
        return imports.submitSeed(upload(order, SeedCsvSource.ORDER_FILE), upload(detail, SeedCsvSource.DETAIL_FILE))
                .map(ImportResource::accepted);
    }

    @POST
    @Path("/order-lines")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a flat CSV, one row per order line, ISO dates, as a job; common header names are "
            + "recognised, and a mapping part names a store's own columns")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "The file part is missing or the mapping is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importOrderLines(
            @RestForm("file") FileUpload file,
            @Parameter(description = "JSON object field → column name in the file, e.g. "
                    + "{\"order_date\": \"Bestelldatum\", \"amount\": \"Umsatz\"}; fields as in the flat CSV "
                    + "(order_id, order_date, customer_id, customer_name, state, city, product_id, product_name, "
                    + "category, sub_category, quantity, amount, profit, payment_mode)")
            @RestForm("mapping") String mapping) {
        requirePart("file", file, "order-lines.csv");
        return imports.submitFlat(upload(file, "order-lines.csv"), mapping(mapping)).map(ImportResource::accepted);
    }

    @POST
    @Path("/order-lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a JSON batch, as a job: an array of order-line objects with the flat CSV's field "
            + "names (or aliases such as orderId, orderDate)")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    public Uni<Response> importJson(File body) {
        if (body == null) {
            throw ProblemException.badRequest("the body must be a JSON array of order lines");
        }
        return imports.submitJson(new Upload(body.toPath(), "batch.json")).map(ImportResource::accepted);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: status, progress, rejected rows, outcome")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportJobResponse> job(@RestPath String id) {
        long jobId = parseId(id);
        return imports.find(jobId).map(job -> ImportJobResponse.from(job.orElseThrow(() ->
                ProblemException.notFound("No import job " + id))));
    }

    @GET
    @Operation(summary = "Import jobs, newest first; `after` is the id of the last job of the previous page")
    public Uni<List<ImportJobResponse>> list(@RestQuery String after, @RestQuery String limit) {
        CursorQuery page = CursorQuery.parse(after, limit, 20, 100);
        return imports.list(after == null || after.isBlank() ? null : page.after(), page.limit())
                .map(jobs -> jobs.stream().map(ImportJobResponse::from).toList());
    }

    private static final List<String> FIELDS = List.copyOf(io.storefront.analytics.domain.FlatCsvSource.fields());

    static Map<String, String> mapping(String json) {
        if (json == null || json.isBlank()) return Map.of();
        Map<String, String> mapping;
        try {
            mapping = JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            throw ProblemException.invalid("mapping", "must be a JSON object of field → column name, e.g. "
                    + "{\"order_date\": \"Bestelldatum\"}");
        }
        for (var entry : mapping.entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw ProblemException.invalid("mapping", "no field '" + entry.getKey() + "'; fields: " + FIELDS);
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw ProblemException.invalid("mapping", "the column for " + entry.getKey() + " is empty");
            }
        }
        return mapping;
    }

    private static Response accepted(io.storefront.analytics.repository.ImportRepository.Job job) {
        ImportJobResponse body = ImportJobResponse.from(job);
        return Response.accepted(body).location(URI.create(body.self())).build();
    }

    private static Upload upload(FileUpload part, String fallbackName) {
        String name = part.fileName() == null || part.fileName().isBlank() ? fallbackName : part.fileName();
        return new Upload(part.uploadedFile(), name);
    }

    private static long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) return value;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.notFound("No import job " + id);
    }

    private static void requirePart(String part, FileUpload upload, String example) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid(part, "a file part named '" + part + "' is required (e.g. curl -F "
                    + part + "=@" + example + ")");
        }
    }
}
