package io.storefront.commons.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The request id that follows a request through the suite: the gateway takes the caller's {@code X-Request-Id} when
 * it is sane (else makes one), logs it and sends it on to the service it calls; each service puts it in its logging
 * context, so its own lines of that request (an unexpected error above all) carry the id the caller was given.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The logging context (MDC) key; JSON logs show it as {@code mdc.requestId}. */
    public static final String LOG_KEY = "requestId";
    /** It ends up in logs and headers: 1–64 characters that need no escaping anywhere. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static boolean sane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    @ServerRequestFilter(preMatching = true)
    public void logWithTheRequestId(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (sane(id)) MDC.put(LOG_KEY, id);
    }
}
