package io.storefront.commons.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body as the REST layer reads it and refuses it with a 413 problem once it passes
 * {@link OversizedBodies#bufferedLimit()}. A body with a declared length is refused before it is read
 * ({@link OversizedBodies}); this catches one sent without a length (chunked). Quarkus has a cut-off of its own
 * for those, but it answers an empty 413 and fails the request, so the problem it is mapped to can no longer
 * be written: {@link OversizedBodies} moves that cut-off past this one, where it stays as a backstop.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class BufferedBodyLimit implements ReaderInterceptor {

    // beans looked up when a body is read: REST providers are built before the configuration is there
    private final OversizedBodies limits;
    private final CurrentVertxRequest request;

    public BufferedBodyLimit(OversizedBodies limits, CurrentVertxRequest request) {
        this.limits = limits;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && OversizedBodies.multipart(type.toString())) {
            return context.proceed();
        }
        LimitedStream body = new LimitedStream(context.getInputStream(), limits.bufferedLimit());
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // a JSON reader wraps what its stream throws as malformed JSON (a 400); the body was too large
            if (body.exceeded != null) throw body.exceeded;
            throw e;
        }
    }

    private BodyTooLargeException tooLarge(long limit) {
        HttpServerRequest http = request.getCurrent().request();
        // the rest of the body is never read, so an HTTP/1 connection cannot carry another request
        if (http.version() != HttpVersion.HTTP_2) {
            http.response().putHeader("Connection", "close");
            http.response().endHandler(ended -> http.connection().close());
        }
        return new BodyTooLargeException("The request body is larger than the " + limit + " bytes this service accepts"
                + (limit == limits.uploadLimit() ? "" : " (files sent as multipart uploads: at most " + limits.uploadLimit() + " bytes)"));
    }

    private final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long count;
        private BodyTooLargeException exceeded;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                if (exceeded == null) exceeded = tooLarge(limit);
                throw exceeded;
            }
        }
    }
}
