package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.RowError;
import io.storefront.analytics.domain.SeedCsvSource;
import io.storefront.analytics.service.ImportReport;
import io.storefront.analytics.service.ImportService;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/imports")
@Tag(name = "Imports")
@Consumes(MediaType.MULTIPART_FORM_DATA)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/seed")
    @Operation(summary = "Import the original application's order.csv + detail.csv (day-first dates)")
    @APIResponse(responseCode = "200", description = "Every row was stored",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Some or all rows were rejected; the good rows were stored. "
            + "Each error names file, line and column.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importSeed(@RestForm("order") FileUpload order, @RestForm("detail") FileUpload detail) {
        requirePart("order", order, SeedCsvSource.ORDER_FILE);
        requirePart("detail", detail, SeedCsvSource.DETAIL_FILE);
        return imports.importSeed(order.uploadedFile(), detail.uploadedFile()).map(ImportResource::okOrProblem);
    }

    @POST
    @Path("/order-lines")
    @Operation(summary = "Import a flat CSV, one row per order line, ISO dates; common header names accepted")
    @APIResponse(responseCode = "200", description = "Every row was stored",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Some or all rows were rejected; the good rows were stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importOrderLines(@RestForm("file") FileUpload file) {
        requirePart("file", file, "order-lines.csv");
        String name = file.fileName() == null || file.fileName().isBlank() ? "order-lines.csv" : file.fileName();
        return imports.importFlat(file.uploadedFile(), name).map(ImportResource::okOrProblem);
    }

    private static void requirePart(String part, FileUpload upload, String example) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid(part, "a file part named '" + part + "' is required (e.g. curl -F "
                    + part + "=@" + example + ")");
        }
    }

    private static ImportReport okOrProblem(ImportReport report) {
        if (report.rowsRejected() == 0) {
            return report;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("importId", report.importId());
        extensions.put("rowsRead", report.rowsRead());
        extensions.put("rowsRejected", report.rowsRejected());
        extensions.put("linesStored", report.linesStored());
        extensions.put("errorsListed", report.errors().size());
        throw new ProblemException(422, ProblemType.INVALID_ROWS,
                "%d of %d rows were rejected; the other rows were stored (%d order lines)"
                        .formatted(report.rowsRejected(), report.rowsRead(), report.linesStored()),
                violations(report.errors()), extensions);
    }

    static List<Problem.Violation> violations(List<RowError> errors) {
        return errors.stream().map(e -> Problem.Violation.atLine(e.file(), e.line(), e.column(), e.message())).toList();
    }
}
