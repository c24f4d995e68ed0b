package io.storefront.analytics.service;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Runs a task for the newest of the versions asked for, one run at a time. Versions asked for while a run goes
 * make one more run, for the newest of them; the ones in between are skipped, and so is a version not newer than
 * the last one run.
 */
final class NewestOnly {

    private final LongFunction<Uni<Void>> task;
    private final AtomicLong wanted = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong started = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean running = new AtomicBoolean();

    NewestOnly(LongFunction<Uni<Void>> task) {
        this.task = task;
    }

    void ask(long version) {
        wanted.accumulateAndGet(version, Math::max);
        if (!running.get()) startWanted();
    }

    private void startWanted() {
        // wanted is raised before running is read, and the end of a run clears running before reading wanted: an
        // ask that came as a run ended is seen by one of the two
        if (wanted.get() <= started.get() || !running.compareAndSet(false, true)) return;
        long version = wanted.get();
        started.set(version);
        Uni<Void> run;
        try {
            run = task.apply(version);
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
        run.subscribe().with(x -> finished(), e -> finished());
    }

    private void finished() {
        running.set(false);
        startWanted();
    }
}
