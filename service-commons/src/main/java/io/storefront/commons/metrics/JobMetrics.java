package io.storefront.commons.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The jobs of every service (imports, model builds and training, evaluations) as operators watch them:
 * how many ended and how, how long they ran, how many rows they read and rejected, and how many were found
 * abandoned (the instance running them stopped). One set of names across services; {@code kind} tells the
 * jobs apart and Prometheus' own {@code job} label the services.
 */
@ApplicationScoped
public class JobMetrics {

    /** How a job ended. */
    public enum Outcome { SUCCEEDED, FAILED }

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers a kind's series at zero, so that its first failure is an increase Prometheus can see (a series
     * that appears at 1 has no increase) and dashboards show the kind before it ever ran.
     */
    public void declare(String kind) {
        for (Outcome outcome : Outcome.values()) timer(kind, outcome);
        rows(kind, 0, 0);
        abandoned(kind, 0);
    }

    /** A job of this kind ended, {@code startedNanos} ({@link System#nanoTime()}) after it started. */
    public void finished(String kind, Outcome outcome, long startedNanos) {
        timer(kind, outcome).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** Rows a job read from its input and rows it rejected (listed in the job with line and reason). */
    public void rows(String kind, long read, long rejected) {
        rowCounter(kind, "read").increment(read);
        rowCounter(kind, "rejected").increment(rejected);
    }

    /** Jobs of this kind found silent (their instance stopped) and marked failed by this instance. */
    public void abandoned(String kind, int jobs) {
        Counter.builder("storefront.job.abandoned")
                .description("Jobs whose instance stopped while they ran, marked failed by this instance")
                .tag("kind", kind)
                .register(registry)
                .increment(jobs);
    }

    private Timer timer(String kind, Outcome outcome) {
        return Timer.builder("storefront.job.duration")
                .description("Jobs that ended on this instance, by kind and outcome, and how long they ran")
                .tags("kind", kind, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    private Counter rowCounter(String kind, String result) {
        return Counter.builder("storefront.job.rows")
                .description("Input rows of import jobs: read, and rejected with a reason")
                .tags("kind", kind, "result", result)
                .register(registry);
    }
}
