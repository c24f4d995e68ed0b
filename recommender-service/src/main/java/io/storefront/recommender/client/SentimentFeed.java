package io.storefront.recommender.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The sentiment service's change feed of product sentiment summaries. */
@RegisterRestClient(configKey = "sentiment")
@Path("/api/v1/product-sentiment/changes")
public interface SentimentFeed {

    @GET
    Uni<Page> changes(@QueryParam("after") String after, @QueryParam("limit") int limit);

    record Page(String cursor, boolean hasMore, List<Summary> products) {
    }

    record Summary(String productId, int reviews, int scored, Double meanPolarity, double positiveShare,
                   double negativeShare) {
    }
}
