package io.storefront.gateway.client;

import java.util.Map;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The analytics service's HTTP API as the gateway uses it; wrapped with fault tolerance by {@link AnalyticsClient}. */
@RegisterRestClient(configKey = "analytics")
interface AnalyticsRestClient extends PersonalDataRestClient {

    /** A view of an area (sales, customers) with the caller's query. */
    @GET
    @Path("/api/v1/{area}/{view}")
    Uni<Response> view(@RestPath String area, @RestPath String view, @RestQuery Map<String, String> query,
                       @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/api/v1/{area}/charts/{file}")
    Uni<Response> chart(@RestPath String area, @RestPath String file, @RestQuery Map<String, String> query,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/api/v1/customers/profiles/{key}")
    Uni<Response> customerProfile(@RestPath String key, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/api/v1/imports/{id}")
    Uni<Response> importJob(@RestPath String id);

    @GET
    @Path("/api/v1/imports")
    Uni<Response> importJobs(@RestQuery Map<String, String> query);

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
