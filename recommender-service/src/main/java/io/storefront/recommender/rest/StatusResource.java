package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.status.ServiceStatus;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/status")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private static final List<String> TABLES = List.of("products", "purchases", "interactions", "preferences", "product_sentiment", "feed_cursors", "jobs");

    private final Pool pool;
    private final String service;
    private final String version;

    public StatusResource(Pool pool, @ConfigProperty(name = "quarkus.application.name") String service,
                          @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.pool = pool;
        this.service = service;
        this.version = version;
    }

    @GET
    @Operation(summary = "Schema version and approximate data size of this service")
    public Uni<ServiceStatus> status() {
        return ServiceStatus.read(pool, service, version, "recommender", TABLES);
    }
}
