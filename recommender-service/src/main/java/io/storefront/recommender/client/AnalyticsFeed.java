package io.storefront.recommender.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The analytics service's order-line change feed (its contract: whole orders, a later copy replaces earlier lines). */
@RegisterRestClient(configKey = "analytics")
@Path("/api/v1/order-lines/changes")
public interface AnalyticsFeed {

    @GET
    Uni<Page> changes(@QueryParam("after") String after, @QueryParam("limit") int limit);

    record Page(String cursor, boolean hasMore, List<Line> lines) {
    }

    record Line(long changeSeq, String orderId, LocalDate orderDate, String customerKey, String productId,
                String productName, String category, String subCategory, int quantity, BigDecimal amount) {
    }
}
