package io.storefront.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The personal-data routes every service has, at the same path (service-commons' {@code Erasure.PATH}). */
interface PersonalDataRestClient {

    @GET
    @Path("/api/v1/personal-data/{customerId}")
    Uni<Response> personalData(@RestPath String customerId);

    @DELETE
    @Path("/api/v1/personal-data/{customerId}")
    Uni<Response> erasePersonalData(@RestPath String customerId);
}
