package io.storefront.sentiment.logging;

import io.storefront.commons.http.RequestIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.MDC;

/** Test only: answers with the request id a log line written now would carry. */
@Path("/test-only/logging-context")
public class LoggingContextProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String requestId() {
        Object id = MDC.get(RequestIds.LOG_KEY);
        return id == null ? "none" : id.toString();
    }
}
