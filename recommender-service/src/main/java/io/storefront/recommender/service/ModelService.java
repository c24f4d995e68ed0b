package io.storefront.recommender.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.jobs.Heartbeat;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.domain.eval.Interactions;
import io.storefront.recommender.domain.model.NewItemsLearning;
import io.storefront.recommender.domain.model.Recommender;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.repository.JobRepository.Job;
import io.storefront.recommender.repository.SnapshotRepository;
import io.storefront.recommender.repository.SnapshotRepository.Snapshot;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The model every instance answers from, held in memory and replaced whole by a build. A build is a
 * job: it reads the catalog, the summed interactions, preferences and sentiment, assembles the hybrid
 * model on a worker thread and swaps it in. Each instance builds at start, when asked, and when its
 * periodic check finds that the stored data changed (at most every {@code rebuild-at-most-every}).
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);

    /** The model in use and what it was built from. */
    public record Built(Recommender model, long job, OffsetDateTime builtAt, String dataVersion, Set<String> categories,
                        Map<String, Object> facts) {
    }

    private final SnapshotRepository snapshots;
    private final JobRepository jobs;
    private final Pool pool;
    private final RecommenderConfig config;
    private final Vertx vertx;
    private final JobMetrics metrics;
    private final MeterRegistry registry;
    private final List<Meter> gauges;
    private final AtomicReference<Built> current = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean rebuildWanted = new AtomicBoolean();

    public ModelService(SnapshotRepository snapshots, JobRepository jobs, Pool pool, RecommenderConfig config, Vertx vertx,
                        JobMetrics metrics, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.metrics = metrics;
        this.registry = registry;
        this.gauges = List.of(
                // NaN until the first build: "no model" is not a model built in 1970
                Gauge.builder("storefront.recommender.model.built.timestamp.seconds", current,
                                c -> c.get() == null ? Double.NaN : c.get().builtAt().toEpochSecond())
                        .description("When the model answering now was built (Unix time); it is rebuilt when the data changed")
                        .register(registry),
                Gauge.builder("storefront.recommender.model.products", current, c -> c.get() == null ? 0 : c.get().model().items())
                        .description("Products the model answering now knows")
                        .register(registry),
                Gauge.builder("storefront.recommender.model.users", current, c -> c.get() == null ? 0 : c.get().model().users())
                        .description("Customers the model answering now knows")
                        .register(registry));
    }

    /** A gauge reads this instance's model; a registry that outlives it (tests restart the app) must not keep it. */
    void onStop(@Observes ShutdownEvent event) {
        gauges.forEach(registry::remove);
    }

    void onStart(@Observes StartupEvent event) {
        rebuild().subscribe().with(job -> { }, e -> LOG.warnf("The first model build could not start: %s", e.getMessage()));
        vertx.setPeriodic(config.model().rebuildAtMostEvery().toMillis(), id -> rebuildIfChanged());
    }

    /** The model in use; 503 until the first build has finished. */
    public Built current() {
        Built built = current.get();
        if (built == null) {
            throw new ProblemException(503, ProblemType.SERVICE_UNAVAILABLE,
                    "The recommendation model is being built for the first time; try again in a few seconds");
        }
        return built;
    }

    public Built currentOrNull() {
        return current.get();
    }

    /** Starts a build job; 409 while one runs on this instance. */
    public Uni<Job> rebuild() {
        if (!building.compareAndSet(false, true)) {
            throw new ProblemException(409, ProblemType.CONFLICT, "A model build is running; follow it at GET "
                    + "/api/v1/recommender/model/builds/{id} and ask again when it ends");
        }
        return jobs.create(JobRepository.MODEL_BUILD, "queued")
                .invoke(job -> run(job.id()))
                .onFailure().invoke(() -> building.set(false));
    }

    /**
     * Builds now, or as soon as the running build ends: that one may have read the data before the change that
     * asks for this. Several asks while a build runs make one build.
     */
    public void rebuildSoon() {
        // wanted first, then building checked; a build's end does the reverse, so one of the two starts it
        rebuildWanted.set(true);
        if (!building.get()) startWantedRebuild();
    }

    private void startWantedRebuild() {
        if (!rebuildWanted.compareAndSet(true, false)) return;
        try {
            rebuild().subscribe().with(j -> { }, e -> LOG.warnf("Model rebuild failed to start: %s", e.getMessage()));
        } catch (ProblemException busy) {
            rebuildWanted.set(true); // a build started meanwhile; its end starts this one
        }
    }

    private void rebuildIfChanged() {
        Built built = current.get();
        if (building.get()) return;
        dataVersion().subscribe().with(version -> {
            if (built == null || !built.dataVersion().equals(version)) {
                try {
                    rebuild().subscribe().with(j -> { }, e -> LOG.warnf("Model rebuild failed to start: %s", e.getMessage()));
                } catch (ProblemException busy) {
                    // a build started meanwhile
                }
            }
        }, e -> LOG.warnf("Could not check whether the model is current: %s", e.getMessage()));
    }

    /** A fingerprint of the stored data that changes whenever anything a model reads changes. */
    Uni<String> dataVersion() {
        return pool.query("""
                        SELECT concat_ws('/',
                          (SELECT cursor FROM recommender.feed_cursors WHERE feed = 'analytics.order-lines'),
                          (SELECT max(id) FROM recommender.interactions),
                          (SELECT max(id) FROM recommender.erasures),
                          (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM recommender.products),
                          (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM recommender.preferences),
                          (SELECT count(*) || ':' || coalesce(max(synced_at)::text, '') FROM recommender.product_sentiment)) AS v""")
                .execute().map(rows -> rows.iterator().next().getString("v"));
    }

    private void run(long jobId) {
        long started = System.nanoTime();
        Runnable stopHeartbeat = Heartbeat.every(vertx, JobRepository.HEARTBEAT_EVERY, () -> jobs.heartbeat(jobId));
        jobs.progress(jobId, "reading the catalog and interactions", 5, 0, 0, 0)
                .chain(this::dataVersion)
                // learned first, and the full data read after, so that the two models are never in memory at once
                .chain(version -> learnNewItemsBlend(jobId)
                        .chain(learned -> snapshots.read().map(snapshot -> new Read(version, learned, snapshot))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> jobs.progress(jobId, "building the model", 60, 0, 0, 0).subscribe().with(x -> { }, e -> { }))
                .map(read -> assemble(jobId, read, started))
                .chain(built -> {
                    current.set(built);
                    return jobs.succeed(jobId, (long) built.facts().get("interactions"), built.model().items(), List.of(),
                            built.facts())
                            .invoke(() -> metrics.finished(JobRepository.MODEL_BUILD, JobMetrics.Outcome.SUCCEEDED, started));
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "Model build %d failed", jobId);
                    return jobs.fail(jobId, "the build failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "; the previous model is still in use", List.of())
                            .invoke(() -> metrics.finished(JobRepository.MODEL_BUILD, JobMetrics.Outcome.FAILED, started));
                })
                .eventually(() -> {
                    stopHeartbeat.run();
                    building.set(false);
                    startWantedRebuild();
                })
                .subscribe().with(x -> LOG.infof("Model build %d ended", jobId),
                        e -> LOG.errorf(e, "Model build %d could not record its end", jobId));
    }

    /** The hybrid's settings from the configuration. */
    public Recommender.Settings settings() {
        RecommenderConfig.Model c = config.model();
        return new Recommender.Settings(c.neighbours(), c.collaborativeWeight(), c.contentWeight(),
                c.repeatWeight(), c.popularityWeight(), c.recencyHalfLifeDays(), c.popularityHalfLifeDays(),
                c.preferenceBoost(), c.sentimentWeight(), c.sentimentPriorReviews(), c.diversity(), c.easeItems(),
                c.easeWeight(), c.easeLambda(), c.customerNeighbours(), c.customerWeight(), 0);
    }

    /** The weights for lists that leave out what the user bought, from the configuration. */
    public Recommender.Settings newItemsSettings() {
        RecommenderConfig.Model.NewItems n = config.model().newItems();
        return settings().withWeights(n.collaborativeWeight(), n.contentWeight(), 0, n.popularityWeight())
                .withCustomers(n.customerNeighbours(), n.customerWeight())
                .withEase(n.easeItems(), n.easeWeight(), n.easeLambda())
                .withTrend(n.popularityWeight(), n.recentPopularityWeight());
    }

    /** Whether and how the new-items weights are learned at each build, from the configuration. */
    public NewItemsLearning.Options learningOptions() {
        RecommenderConfig.Model.NewItems.Learn l = config.model().newItems().learn();
        return new NewItemsLearning.Options(l.enabled(), l.holdoutDays(), l.maxCustomers());
    }

    /** What a build has read: the data version, the learned new-items blend (or null) and the data. */
    private record Read(String version, NewItemsLearning.Outcome learned, Snapshot snapshot) {
    }

    /**
     * The new-items blend learned on the data before (latest − holdout), labelled by what customers bought since;
     * null when learning is off or there is no data.
     */
    private Uni<NewItemsLearning.Outcome> learnNewItemsBlend(long jobId) {
        NewItemsLearning.Options options = learningOptions();
        if (!options.enabled()) return Uni.createFrom().nullItem();
        return snapshots.latest().chain(latest -> {
            if (latest == null) return Uni.createFrom().nullItem();
            LocalDateTime cut = latest.toLocalDate().atStartOfDay().minusDays(options.holdoutDays());
            return jobs.progress(jobId, "learning the new-items blend", 20, 0, 0, 0)
                    .chain(() -> Uni.combine().all().unis(snapshots.read(cut), snapshots.purchasedFrom(cut)).asTuple())
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(read -> {
                        Snapshot before = read.getItem1();
                        List<Interactions.Event> events = events(before.pairs());
                        for (var p : read.getItem2()) {
                            events.add(new Interactions.Event(p.userId(), p.productId(), "after", p.last(), 1));
                        }
                        Map<String, SnapshotRepository.ProductFacts> facts = facts(before);
                        NewItemsLearning.Outcome outcome = NewItemsLearning.learn(events, cut, null, id -> item(facts, id),
                                sentiment(before), preferences(before), settings(), newItemsSettings(), options.maxCustomers());
                        LOG.infof("Model %d: %s", jobId, outcome.report());
                        return outcome;
                    });
        });
    }

    /** Each (user, product, source) pair as one event: its source is one "basket" holding all of its times. */
    private List<Interactions.Event> events(List<SnapshotRepository.Pair> pairs) {
        RecommenderConfig.Model c = config.model();
        List<Interactions.Event> events = new ArrayList<>(pairs.size());
        for (var pair : pairs) {
            double weight = switch (pair.kind()) {
                case "purchase" -> pair.times();
                case "cart" -> c.cartWeight();
                case "view" -> c.viewWeight();
                default -> c.goodRatingWeight();
            };
            // so strength = orders + what the events are worth
            events.add(new Interactions.Event(pair.userId(), pair.productId(), pair.kind(), pair.last(), weight));
        }
        return events;
    }

    private static Map<String, SnapshotRepository.ProductFacts> facts(Snapshot s) {
        Map<String, SnapshotRepository.ProductFacts> facts = new HashMap<>();
        for (var p : s.products()) facts.put(p.productId(), p);
        return facts;
    }

    /** A product as the model knows it; one named by an interaction but not (yet) in the catalog is not offered. */
    private static Recommender.Item item(Map<String, SnapshotRepository.ProductFacts> facts, String id) {
        var p = facts.get(id);
        return p == null ? new Recommender.Item(id, id, "", "", "", 0, false) : item(p);
    }

    /** A catalogue product as the model knows it. */
    static Recommender.Item item(SnapshotRepository.ProductFacts p) {
        return new Recommender.Item(p.productId(), p.name(), p.description(), p.category(), p.subCategory(), p.price(),
                p.inStock());
    }

    private static Map<String, Recommender.Sentiment> sentiment(Snapshot s) {
        Map<String, Recommender.Sentiment> sentiment = new HashMap<>();
        for (var x : s.sentiment()) sentiment.put(x.productId(), new Recommender.Sentiment(x.reviews(), x.meanPolarity(), x.positiveShare()));
        return sentiment;
    }

    private static Map<String, Recommender.Preferences> preferences(Snapshot s) {
        Map<String, Recommender.Preferences> preferences = new HashMap<>();
        for (var x : s.preferences()) {
            preferences.put(x.userId(), new Recommender.Preferences(Set.copyOf(x.categories()), x.minPrice(), x.maxPrice()));
        }
        return preferences;
    }

    /** CPU work on a worker thread: the interaction matrix, then the hybrid model over it. */
    private Built assemble(long jobId, Read read, long started) {
        Snapshot s = read.snapshot();
        List<String> catalogue = new ArrayList<>(s.products().size());
        for (var p : s.products()) catalogue.add(p.productId());
        List<Interactions.Event> events = events(s.pairs());
        LocalDateTime latest = LocalDateTime.of(1970, 1, 1, 0, 0);
        for (var pair : s.pairs()) if (pair.last().isAfter(latest)) latest = pair.last();
        Interactions m = Interactions.of(events, catalogue);
        Map<String, SnapshotRepository.ProductFacts> facts = facts(s);
        List<Recommender.Item> items = new ArrayList<>(m.items());
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < m.items(); i++) {
            var p = facts.get(m.itemId(i));
            items.add(p == null ? item(facts, m.itemId(i)) : item(p));
            if (p != null) {
                categories.add(p.category().toLowerCase(java.util.Locale.ROOT));
                categories.add(p.subCategory().toLowerCase(java.util.Locale.ROOT));
            }
        }
        Map<String, Recommender.Sentiment> sentiment = sentiment(s);
        Map<String, Recommender.Preferences> preferences = preferences(s);
        Recommender.Settings settings = settings();
        // "recent" is measured from the newest interaction, so a store whose data stops in the past still has a trend
        LocalDateTime now = latest.getYear() == 1970 ? LocalDateTime.now(ZoneOffset.UTC) : latest;
        NewItemsLearning.Outcome learned = read.learned();
        Recommender model = new Recommender(m, items, sentiment, preferences, settings, newItemsSettings(),
                learned == null ? null : learned.blend(), now);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("products", s.products().size());
        about.put("items", model.items());
        about.put("users", model.users());
        about.put("interactions", (long) s.pairs().size());
        about.put("userItemPairs", model.pairs());
        about.put("neighbourLinks", model.neighbourLinks());
        about.put("terms", model.terms());
        about.put("productsWithSentiment", sentiment.size());
        about.put("usersWithPreferences", preferences.size());
        about.put("recentUntil", now.toString());
        about.put("newItemsBlend", model.newItemsBlend().describe());
        about.put("newItemsLearning", learned != null ? learned.report() : learningOptions().enabled() ? "no purchases yet" : "off");
        about.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        LOG.infof("Model %d built: %s", jobId, about);
        return new Built(model, jobId, OffsetDateTime.now(ZoneOffset.UTC), read.version(), Set.copyOf(categories), about);
    }
}
