package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The sentiment service's HTTP API as the gateway uses it; bodies pass through as bytes. */
@RegisterRestClient(configKey = "sentiment")
interface SentimentRestClient extends PersonalDataRestClient {

    @POST
    @Path("/api/v1/sentiment")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> score(byte[] body);

    @POST
    @Path("/api/v1/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> storeReviews(byte[] body);

    @GET
    @Path("/api/v1/reviews")
    Uni<Response> reviews(@RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/reviews/{reviewId}")
    Uni<Response> review(@RestPath String reviewId);

    @GET
    @Path("/api/v1/products/{productId}/sentiment")
    Uni<Response> productSentiment(@RestPath String productId);

    @GET
    @Path("/api/v1/reviews/imports/{id}")
    Uni<Response> reviewImport(@RestPath String id);

    @GET
    @Path("/api/v1/reviews/imports")
    Uni<Response> reviewImports();

    @POST
    @Path("/api/v1/models")
    Uni<Response> train();

    @GET
    @Path("/api/v1/models")
    Uni<Response> models();

    @GET
    @Path("/api/v1/models/{version}")
    Uni<Response> model(@RestPath String version);

    @POST
    @Path("/api/v1/models/{version}/activate")
    Uni<Response> activate(@RestPath String version);

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
