package io.storefront.analytics.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Where an import's time went, by phase, for its closing log line (what an operator tunes from). */
public final class PhaseTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public synchronized void add(String phase, long elapsedNanos) {
        nanos.merge(phase, elapsedNanos, Long::sum);
    }

    /** Work of a phase that may fail with {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work}, adding its run time to {@code phase} whether it succeeds or fails. */
    public <T, E extends Exception> T time(String phase, Work<T, E> work) throws E {
        long started = System.nanoTime();
        try {
            return work.run();
        } finally {
            add(phase, System.nanoTime() - started);
        }
    }

    /** Work of a phase that returns nothing. */
    @FunctionalInterface
    public interface Step<E extends Exception> {
        void run() throws E;
    }

    /** Runs {@code work}, adding its run time to {@code phase} whether it succeeds or fails. */
    public <E extends Exception> void run(String phase, Step<E> work) throws E {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** "reading 9.1 s, staging 4.2 s, …" in the order the phases first ran; phases under 0.05 s are left out. */
    @Override
    public synchronized String toString() {
        return nanos.entrySet().stream()
                .filter(e -> e.getValue() >= 50_000_000L)
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}
