package io.storefront.gateway.client;

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
interface AnalyticsRestClient {

    @GET
    @Path("/api/v1/sales/summary")
    Uni<Response> salesSummary(@RestQuery String from, @RestQuery String to, @RestQuery String charts,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/api/v1/sales/charts/{file}")
    Uni<Response> salesChart(@RestPath String file, @RestQuery String from, @RestQuery String to,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
