package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The recommender's HTTP API as the gateway uses it: the same paths as the public ones; bodies pass through as bytes. */
@RegisterRestClient(configKey = "recommender")
interface RecommenderRestClient extends PersonalDataRestClient {

    @GET
    @Path("/api/v1/recommendations/users/{userId}")
    Uni<Response> forUser(@RestPath String userId, @RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/recommendations/products/{productId}/similar")
    Uni<Response> similar(@RestPath String productId, @RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/recommendations/bought-together")
    Uni<Response> boughtTogether(@RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/recommendations/popular")
    Uni<Response> popular(@RestQuery Map<String, String> query);

    @POST
    @Path("/api/v1/catalog/products")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> storeProducts(byte[] body);

    @GET
    @Path("/api/v1/catalog/products")
    Uni<Response> products(@RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/catalog/products/{productId}")
    Uni<Response> product(@RestPath String productId);

    @GET
    @Path("/api/v1/catalog/imports/{id}")
    Uni<Response> productImport(@RestPath String id);

    @GET
    @Path("/api/v1/catalog/imports")
    Uni<Response> productImports();

    @POST
    @Path("/api/v1/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> recordInteractions(byte[] body);

    @PUT
    @Path("/api/v1/users/{userId}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> putPreferences(@RestPath String userId, byte[] body);

    @GET
    @Path("/api/v1/users/{userId}/preferences")
    Uni<Response> preferences(@RestPath String userId);

    @DELETE
    @Path("/api/v1/users/{userId}/preferences")
    Uni<Response> deletePreferences(@RestPath String userId);

    @GET
    @Path("/api/v1/recommender/model")
    Uni<Response> model();

    @POST
    @Path("/api/v1/recommender/model/builds")
    Uni<Response> buildModel();

    @GET
    @Path("/api/v1/recommender/model/builds/{id}")
    Uni<Response> modelBuild(@RestPath String id);

    @POST
    @Path("/api/v1/recommender/evaluations")
    Uni<Response> evaluate(@RestQuery Map<String, String> query);

    @GET
    @Path("/api/v1/recommender/evaluations/{id}")
    Uni<Response> evaluation(@RestPath String id);

    @POST
    @Path("/api/v1/recommender/sync")
    Uni<Response> sync();

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
