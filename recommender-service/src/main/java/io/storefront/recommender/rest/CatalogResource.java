package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.recommender.domain.catalog.ProductInput;
import io.storefront.recommender.repository.CatalogRepository;
import io.storefront.recommender.repository.CatalogRepository.ProductRow;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.service.CatalogImportService;
import io.storefront.recommender.service.CatalogService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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

@Path("/api/v1/catalog")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    /** A page of the catalog; ask again with after=next while it is not null. */
    public record ProductPage(String next, List<ProductRow> products) {
    }

    private final CatalogService service;
    private final CatalogImportService imports;
    private final CatalogRepository catalog;
    private final JobRepository jobs;

    public CatalogResource(CatalogService service, CatalogImportService imports, CatalogRepository catalog, JobRepository jobs) {
        this.service = service;
        this.imports = imports;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a batch of products (JSON array); a product sent again by id replaces the stored one")
    @APIResponse(responseCode = "200", description = "Stored; rejected products listed with index and reason",
            content = @Content(schema = @Schema(implementation = CatalogService.BatchResult.class)))
    @APIResponse(responseCode = "422", description = "No product in the batch could be stored; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CatalogService.BatchResult> store(List<ProductInput> batch) {
        return service.store(batch);
    }

    @GET
    @Path("products")
    @Operation(summary = "The catalog in product-id order, a page at a time")
    public Uni<ProductPage> list(@Parameter(description = "The next value of the previous page") @RestQuery String after,
                                 @Parameter(description = "Only this category or sub-category") @RestQuery String category,
                                 @Parameter(description = "Products per page, 1.." + MAX_PAGE) @RestQuery String limit) {
        int size = DEFAULT_PAGE;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) throw ProblemException.invalid("limit", "must be a whole number 1.." + MAX_PAGE);
        }
        int page = size;
        return catalog.page(after == null || after.isBlank() ? null : after, category == null || category.isBlank()
                ? null : category.strip(), page + 1).map(rows -> rows.size() > page
                ? new ProductPage(rows.get(page - 1).productId(), rows.subList(0, page))
                : new ProductPage(null, rows));
    }

    @GET
    @Path("products/{productId}")
    @Operation(summary = "One product as stored (source: catalog, or orders when only seen in synced orders)")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProductRow> product(@RestPath String productId) {
        return catalog.find(productId).map(p -> {
            if (p == null) throw ProblemException.notFound("No product " + productId);
            return p;
        });
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import products from a CSV file (multipart part 'file'; header with product_id, name, category, "
            + "sub_category, price, optionally description, in_stock and attribute columns, or common aliases) as a job")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job to poll",
            content = @Content(schema = @Schema(implementation = JobJson.class)))
    @APIResponse(responseCode = "400", description = "No file part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> startImport(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a file part named 'file' is required (curl -F file=@products.csv)");
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "products.csv" : file.fileName();
        return imports.start(file.uploadedFile(), name).map(job -> Response.accepted(JobJson.of(job))
                .location(URI.create("/api/v1/catalog/imports/" + job.id())).build());
    }

    @GET
    @Path("imports/{id}")
    @Operation(summary = "One catalog import: progress, then rows stored and rejected rows with line and reason")
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JobJson> importJob(@RestPath String id) {
        return JobJson.find(jobs, JobRepository.CATALOG_IMPORT, id, "import");
    }

    @GET
    @Path("imports")
    @Operation(summary = "The latest 50 catalog imports, newest first")
    public Uni<List<JobJson>> imports() {
        return jobs.latest(JobRepository.CATALOG_IMPORT, 50).map(list -> list.stream().map(JobJson::of).toList());
    }
}
