package io.storefront.gateway.rest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body passed on as it arrives, counting its bytes: past {@code max} nothing more is passed
 * on and {@code exceeded} runs once. The cap for uploads that declare no length (chunked); a declared
 * Content-Length is checked before a byte is read.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final long max;
    private final Runnable exceeded;
    private long seen;
    private boolean over;

    LimitedBody(ReadStream<Buffer> body, long max, Runnable exceeded) {
        this.body = body;
        this.max = max;
        this.exceeded = exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (over) return;
            seen += chunk.length();
            if (seen > max) {
                over = true;
                exceeded.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        body.endHandler(end -> {
            if (!over && handler != null) handler.handle(end);
        });
        return this;
    }
}
