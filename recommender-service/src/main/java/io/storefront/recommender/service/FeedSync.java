package io.storefront.recommender.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.storefront.recommender.client.AnalyticsFeed;
import io.storefront.recommender.client.SentimentFeed;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.repository.FeedRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads the peers' change feeds into the recommender's own tables: purchases from analytics, product
 * sentiment from the sentiment service. Each page is applied with its cursor in one transaction, so a
 * sync interrupted anywhere resumes where it stopped and a page read twice changes nothing. A peer that
 * is down only makes its feed stale; what was synced keeps serving.
 */
@ApplicationScoped
public class FeedSync {

    private static final Logger LOG = Logger.getLogger(FeedSync.class);
    /** Pages one run reads from one feed at most, so a run ends even while a peer keeps producing. */
    static final int MAX_PAGES_PER_RUN = 500;

    /** One feed's state as health and status report it. */
    public record FeedState(String feed, String cursor, OffsetDateTime lastSuccess, boolean stale, String lastError,
                            OffsetDateTime lastErrorAt) {
    }

    /** What one run did per feed: rows applied, or the error that stopped it. */
    public record RunResult(Map<String, Long> applied, Map<String, String> errors) {
    }

    private record Failure(String message, OffsetDateTime at) {
    }

    private final AnalyticsFeed analytics;
    private final SentimentFeed sentiment;
    private final FeedRepository feeds;
    private final RecommenderConfig config;
    private final Vertx vertx;
    private final AtomicReference<Uni<RunResult>> inFlight = new AtomicReference<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, FeedMeters> meters = new LinkedHashMap<>();
    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();

    /**
     * Per feed, for Prometheus: when this instance last read it without an error (its start until then, so that a peer
     * down since the start shows as a growing age), rows applied, and failed reads.
     */
    private record FeedMeters(AtomicLong lastSuccessMillis, Counter rows, Counter errors) {
    }

    public FeedSync(@RestClient AnalyticsFeed analytics, @RestClient SentimentFeed sentiment, FeedRepository feeds,
                    RecommenderConfig config, Vertx vertx, MeterRegistry registry) {
        this.analytics = analytics;
        this.sentiment = sentiment;
        this.feeds = feeds;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        for (String feed : new String[] {FeedRepository.ORDERS, FeedRepository.SENTIMENT}) {
            AtomicLong lastSuccess = new AtomicLong(System.currentTimeMillis());
            gauges.add(Gauge.builder("storefront.recommender.feed.last.success.timestamp.seconds", lastSuccess,
                            t -> t.get() / 1000.0)
                    .description("When this instance last read the feed without an error (Unix time; its start until the first read)")
                    .tag("feed", feed).register(registry));
            meters.put(feed, new FeedMeters(lastSuccess,
                    Counter.builder("storefront.recommender.feed.rows").description("Feed rows applied by this instance")
                            .tag("feed", feed).register(registry),
                    Counter.builder("storefront.recommender.feed.errors").description("Reads of the feed that failed")
                            .tag("feed", feed).register(registry)));
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.sync().enabled()) return;
        vertx.setPeriodic(1000, config.sync().every().toMillis(), id -> {
            if (inFlight.get() != null) return;
            syncAll().subscribe().with(r -> { }, e -> LOG.warnf("Feed sync failed: %s", e.getMessage()));
        });
    }

    /** A gauge reads this instance's state; a registry that outlives it (tests restart the app) must not keep it. */
    void onStop(@Observes ShutdownEvent event) {
        gauges.forEach(registry::remove);
    }

    /**
     * Reads both feeds to their end (or {@link #MAX_PAGES_PER_RUN} pages each). One run at a time per
     * instance: asking while one runs joins it and gets its result.
     */
    public synchronized Uni<RunResult> syncAll() {
        Uni<RunResult> running = inFlight.get();
        if (running != null) return running;
        Map<String, Long> applied = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Uni<RunResult> run = feeds.cursors()
                .chain(cursors -> read(FeedRepository.ORDERS, cursor(cursors, FeedRepository.ORDERS),
                        after -> analytics.changes(after, config.sync().pageSize())
                                .chain(page -> feeds.applyOrders(page).map(n -> new Applied(page.cursor(), page.hasMore(), n))),
                        applied, errors)
                        .chain(() -> read(FeedRepository.SENTIMENT, cursor(cursors, FeedRepository.SENTIMENT),
                                after -> sentiment.changes(after, config.sync().pageSize())
                                        .chain(page -> feeds.applySentiment(page)
                                                .map(n -> new Applied(page.cursor(), page.hasMore(), n))),
                                applied, errors)))
                .map(x -> new RunResult(applied, errors))
                .eventually(() -> inFlight.set(null))
                .memoize().indefinitely();
        inFlight.set(run);
        return run;
    }

    record Applied(String cursor, boolean hasMore, long rows) {
    }

    private static String cursor(Map<String, FeedRepository.Cursor> cursors, String feed) {
        FeedRepository.Cursor c = cursors.get(feed);
        return c == null ? "0" : c.cursor();
    }

    /**
     * Reads pages of one feed until its end; an error stops this feed only and is remembered for the status.
     * A demand-driven stream rather than recursion: a chain of nested Unis kept every page of a run reachable
     * until the run ended (a first sync of a million order lines ran a 512 MB heap out of memory).
     */
    Uni<Void> read(String feed, String after, Function<String, Uni<Applied>> page, Map<String, Long> applied,
                   Map<String, String> errors) {
        AtomicReference<String> cursor = new AtomicReference<>(after);
        AtomicReference<Applied> last = new AtomicReference<>();
        AtomicLong rows = new AtomicLong();
        AtomicInteger pages = new AtomicInteger();
        return Multi.createBy().repeating().uni(() -> page.apply(cursor.get()))
                .whilst(done -> {
                    last.set(done);
                    rows.addAndGet(done.rows());
                    cursor.set(done.cursor());
                    return done.hasMore() && pages.incrementAndGet() < MAX_PAGES_PER_RUN;
                })
                .collect().last()
                .onItemOrFailure().transformToUni((ignored, error) -> {
                    applied.put(feed, rows.get());
                    FeedMeters m = meters.get(feed);
                    m.rows().increment(rows.get());
                    if (error != null) {
                        m.errors().increment();
                        String message = describe(error);
                        failures.put(feed, new Failure(message, OffsetDateTime.now(ZoneOffset.UTC)));
                        errors.put(feed, message);
                        LOG.warnf("Reading the %s feed failed after %d rows: %s", feed, rows.get(), message);
                        return Uni.createFrom().voidItem();
                    }
                    failures.remove(feed);
                    m.lastSuccessMillis().set(System.currentTimeMillis());
                    // an empty page proves the peer answers: the feed is current even when nothing changed
                    return last.get().rows() == 0 ? feeds.touch(feed, last.get().cursor()) : Uni.createFrom().voidItem();
                });
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** Each feed's cursor, last success, staleness and last error. */
    public Uni<Map<String, FeedState>> states() {
        Duration staleAfter = config.sync().staleAfter();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return feeds.cursors().map(cursors -> {
            Map<String, FeedState> out = new LinkedHashMap<>();
            for (String feed : new String[] {FeedRepository.ORDERS, FeedRepository.SENTIMENT}) {
                FeedRepository.Cursor c = cursors.get(feed);
                Failure f = failures.get(feed);
                boolean stale = c == null || c.syncedAt().plus(staleAfter).isBefore(now);
                out.put(feed, new FeedState(feed, c == null ? null : c.cursor(), c == null ? null : c.syncedAt(), stale,
                        f == null ? null : f.message(), f == null ? null : f.at()));
            }
            return out;
        });
    }
}
