package io.storefront.analytics.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.commons.jobs.Heartbeat;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.analytics.domain.FlatCsvSource;
import io.storefront.analytics.domain.ImportRejected;
import io.storefront.analytics.domain.OrderLineSource;
import io.storefront.analytics.domain.RollupDelta;
import io.storefront.analytics.domain.SeedCsvSource;
import io.storefront.analytics.repository.ImportRepository;
import io.storefront.analytics.repository.ImportRepository.Job;
import io.storefront.analytics.repository.OrderLineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import io.storefront.analytics.domain.OrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Imports uploaded order files as jobs. Accepting an upload moves its files aside and queues the
 * job; jobs run one at a time. A job's data is one transaction: good rows and the rollups they change
 * are committed together with the job's 'succeeded', bad rows are listed, and a job that fails midway
 * (a broken file, a lost connection, a restart) leaves nothing behind and ends 'failed'.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** A running job writes progress at least this often; silence for longer means it was cut off. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();
    private static final Duration PROGRESS_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * After an import this large the rollups' statistics are refreshed before the views are warmed: the
     * planner otherwise plans the views for the tables as they were (for a new store: empty, so a sort
     * where a hash would do; the weekly trend at 1M lines took 35 ms at p50 without, 21 ms with), until
     * autovacuum gets to them, if it runs at all.
     */
    private static final long ANALYZE_AFTER_ROWS = 10_000;

    /** The job kind in metrics. */
    static final String KIND = "order-import";

    /** An uploaded file: where it was received and the name it had on the client. */
    public record Upload(Path file, String name) {
    }

    private final DataSource dataSource;
    private final ImportRepository imports;
    private final OrderLineRepository lines;
    private final AnalyticsConfig config;
    private final ViewWarmer warmer;
    private final io.vertx.mutiny.core.Vertx vertx;
    private final JobMetrics metrics;
    private final JobQueue queue = new JobQueue();
    private final Path jobsDir;

    public ImportService(DataSource dataSource, ImportRepository imports, OrderLineRepository lines, AnalyticsConfig config,
                         ViewWarmer warmer, io.vertx.mutiny.core.Vertx vertx, JobMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        metrics.declare(KIND);
        this.vertx = vertx;
        this.warmer = warmer;
        this.imports = imports;
        this.lines = lines;
        this.config = config;
        this.jobsDir = Path.of(System.getProperty("java.io.tmpdir"), "storefront-analytics-imports");
    }

    /**
     * Jobs that stopped reporting were cut off (this or another instance stopped while they ran): their
     * transactions rolled back, so they are marked failed. Checked at start and every minute, since a job
     * cut off just before a restart only looks silent two minutes later.
     */
    void watchForAbandonedJobs(@Observes StartupEvent start, io.vertx.mutiny.core.Vertx vertx) {
        failAbandonedJobs();
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> failAbandonedJobs());
    }

    private void failAbandonedJobs() {
        imports.failAbandoned(ABANDONED_AFTER).subscribe().with(
                n -> {
                    if (n == 0) return;
                    LOG.warnf("%d import jobs were cut off by a stop and are marked failed", n);
                    metrics.abandoned(KIND, n);
                },
                e -> LOG.warn("could not check for abandoned import jobs", e));
    }

    public Uni<Job> submitFlat(Upload file, Map<String, String> mapping) {
        return submit("flat-csv", List.of(file), files -> new FlatCsvSource(file.name(), files.get(0), mapping));
    }

    public Uni<Job> submitSeed(Upload order, Upload detail) {
        return submit("seed-csv", List.of(order, detail), files -> new SeedCsvSource(files.get(0), files.get(1)));
    }

    public Uni<Job> submitJson(Upload body) {
        return submit("json", List.of(body), files -> new io.storefront.analytics.domain.JsonLinesSource(body.name(),
                files.get(0)));
    }

    public Uni<java.util.Optional<Job>> find(long id) {
        return imports.find(id);
    }

    public Uni<List<Job>> list(Long before, int limit) {
        return imports.list(before, limit);
    }

    /**
     * Moves the uploads out of the request's reach (they are deleted when it ends), records the job
     * and queues it. {@code opener} builds the source from readers over the moved files.
     */
    private Uni<Job> submit(String format, List<Upload> uploads, Function<List<Reader>, OrderLineSource> opener) {
        return Uni.createFrom().item(() -> {
                    long bytes = 0;
                    for (Upload u : uploads) bytes += size(u.file());
                    return bytes;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(bytes -> imports.create(format, String.join(", ", uploads.stream().map(Upload::name).toList()), bytes))
                .call(job -> Uni.createFrom().item(() -> moveAside(job.id(), uploads))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(moved -> queue.submit(() -> run(job, moved, opener))));
    }

    private Uni<Void> run(Job job, List<Path> files, Function<List<Reader>, OrderLineSource> opener) {
        AtomicLong bytesRead = new AtomicLong();
        AtomicLong version = new AtomicLong(-1);
        PhaseTimes times = new PhaseTimes();
        long started = System.nanoTime();
        List<OrderLineSource> opened = new ArrayList<>(1);
        // a step of a big import can run for minutes; the heartbeat keeps watchers from calling it abandoned
        Runnable stopHeartbeat = Heartbeat.every(vertx, Duration.ofSeconds(30), () -> imports.heartbeat(job.id()));
        return imports.markRunning(job.id(), OrderLineRepository.APPLY_STEPS)
                // the whole transaction is blocking JDBC (for COPY), so it runs on a worker from opening the files
                // (headers and, for the seed format, all orders are read then) to the commit
                .chain(() -> Uni.createFrom().item(() -> {
                    OrderLineSource source = opener.apply(files.stream().map(f -> open(f, bytesRead)).toList());
                    opened.add(source);
                    try {
                        version.set(importInOneTransaction(job.id(), source, bytesRead, times));
                    } catch (SQLException e) {
                        throw new ImportDatabaseError(e);
                    }
                    return source;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .invoke(source -> {
                    LOG.infof("import job %d: %,d rows in %.1f s (%s)", job.id(), source.tally().rowsRead(),
                            (System.nanoTime() - started) / 1e9, times);
                    metrics.finished(KIND, JobMetrics.Outcome.SUCCEEDED, started);
                    metrics.rows(KIND, source.tally().rowsRead(), source.tally().rowsRejected());
                })
                .call(source -> source.tally().rowsRead() < ANALYZE_AFTER_ROWS ? Uni.createFrom().voidItem()
                        : imports.analyzeRollups().onFailure().recoverWithUni(e -> {
                            LOG.warnf("import job %d: the rollups' statistics were not refreshed: %s", job.id(), e.getMessage());
                            return Uni.createFrom().voidItem();
                        }))
                .invoke(() -> warmer.warm(version.get()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    OrderLineSource source = opened.isEmpty() ? null : opened.getFirst();
                    long read = source == null ? 0 : source.tally().rowsRead();
                    long rejected = source == null ? 0 : source.tally().rowsRejected();
                    metrics.finished(KIND, JobMetrics.Outcome.FAILED, started);
                    if (e instanceof ImportRejected r) {
                        return untilRecorded(imports.fail(job.id(), "the file cannot be imported; nothing was stored", read,
                                rejected, r.errors()));
                    }
                    LOG.errorf(e, "import job %d failed", job.id());
                    return untilRecorded(imports.fail(job.id(), "the import failed and nothing was stored: " + e.getMessage(),
                            read, rejected, source == null ? List.of() : source.tally().errors()));
                })
                .eventually(() -> Uni.createFrom().item(() -> {
                    stopHeartbeat.run();
                    if (!opened.isEmpty()) opened.getFirst().close();
                    deleteAll(files);
                    return null;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * Writes a job's outcome, again and again for about two minutes while the database is unreachable
     * (an import usually fails because the database went away): clients polling the job then see it
     * fail as soon as the database is back, not when the abandoned-job watcher gets to it.
     */
    private static <T> Uni<T> untilRecorded(Uni<T> write) {
        return write.onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(15);
    }

    /**
     * The import's data in one transaction: lines, orders and sums written while the file is read, then
     * the rollups merged and the job marked succeeded, all committed together. Returns the new data version.
     */
    private long importInOneTransaction(long jobId, OrderLineSource source, AtomicLong bytesRead, PhaseTimes times)
            throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                // the version row lock, held to commit, makes concurrent imports (of other instances) wait their
                // turn, so that each one's change numbers and data version rise in commit order
                long version = imports.bumpDataVersion(tx);
                OrderLineRepository.ImportWrite write = lines.begin(tx, jobId);
                RollupDelta delta = new RollupDelta();
                long staged = stageAll(write, jobId, source, bytesRead, delta, times);
                delta.finish();
                stageSummed(write, delta.takeOrders(), times.time("sorting sums", () -> delta.drain().inKeyOrder()), times);
                write.apply(delta.ordersNearlyAscending(), done -> awaitWrite(imports.applying(jobId, done)), times);
                imports.succeed(tx, jobId, source.tally().rowsRead(), staged, source.tally().rowsRejected(),
                        source.tally().errors());
                tx.commit();
                return version;
            } catch (RuntimeException | SQLException | Error e) {
                rollBack(tx, e);
                throw e;
            }
        }
    }

    private static void rollBack(Connection tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Progress goes through the reactive pool in its own short transactions; the job's worker waits for it. */
    private static void awaitWrite(Uni<Void> write) {
        write.await().atMost(PROGRESS_WRITE_TIMEOUT);
    }

    /** A database failure of the import, unchecked so that it travels the job's Uni. */
    static final class ImportDatabaseError extends RuntimeException {
        ImportDatabaseError(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Writes each batch while the next is read and summed on another worker, so that parsing and the
     * database overlap; at most two batches and one drained part of the sums are in memory. Progress is
     * written at most twice a second. Returns how many lines were written.
     */
    private long stageAll(OrderLineRepository.ImportWrite write, long jobId, OrderLineSource source, AtomicLong bytesRead,
                          RollupDelta delta, PhaseTimes times) throws SQLException {
        long staged = 0;
        long lastReport = System.nanoTime();
        CompletableFuture<Chunk> ahead = readAhead(source, delta, times);
        try {
            while (true) {
                Chunk chunk = join(ahead);
                if (chunk.lines().isEmpty()) return staged;
                ahead = readAhead(source, delta, times);
                staged += times.time("writing lines", () -> write.lines(chunk.lines()));
                stageSummed(write, chunk.orders(), chunk.drained(), times);
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    awaitWrite(imports.reading(jobId, bytesRead.get(), source.tally().rowsRead(),
                            source.tally().rowsRejected()));
                }
            }
        } finally {
            // a failure leaves a read-ahead running; the source must not be closed under it
            ahead.handle((chunk, e) -> null).join();
        }
    }

    /** The read-ahead's outcome; its failure as thrown (an {@link ImportRejected} stays one). */
    private static Chunk join(CompletableFuture<Chunk> ahead) {
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Writes orders completed while reading and stages, if any, a drained part of the sums. */
    private static void stageSummed(OrderLineRepository.ImportWrite write, List<RollupDelta.OrderTotals> orders,
                                    RollupDelta.InKeyOrder drained, PhaseTimes times) throws SQLException {
        times.run("writing orders", () -> write.orders(orders));
        if (drained != null) times.run("staging sums", () -> write.sums(drained));
    }

    /**
     * A batch read ahead, the orders it completed and, when the sums outgrew their bound with it, the part
     * drained from them.
     */
    private record Chunk(List<OrderLine> lines, List<RollupDelta.OrderTotals> orders, RollupDelta.InKeyOrder drained) {
    }

    /**
     * Reads, checks and sums the next batch on a worker. Read-aheads run one after another, so the sums
     * are only ever touched by one of them at a time; large sums are drained and sorted here, for the caller
     * to stage.
     */
    private CompletableFuture<Chunk> readAhead(OrderLineSource source, RollupDelta delta, PhaseTimes times) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            List<OrderLine> batch = source.nextBatch(config.importBatchSize());
            long read = System.nanoTime();
            batch.forEach(delta::accept);
            times.add("reading", read - started);
            times.add("summing", System.nanoTime() - read);
            RollupDelta.InKeyOrder drained = delta.size() < config.importSumsFlushAt() ? null
                    : times.time("sorting sums", () -> delta.drain().inKeyOrder());
            return new Chunk(batch, delta.takeOrders(), drained);
        }, Infrastructure.getDefaultWorkerPool());
    }

    private List<Path> moveAside(long jobId, List<Upload> uploads) {
        try {
            Path dir = Files.createDirectories(jobsDir.resolve(Long.toString(jobId)));
            List<Path> moved = new ArrayList<>();
            for (int i = 0; i < uploads.size(); i++) {
                Path target = dir.resolve("part-" + i);
                moved.add(Files.move(uploads.get(i).file(), target, StandardCopyOption.REPLACE_EXISTING));
            }
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
                Files.deleteIfExists(f.getParent());
            } catch (IOException e) {
                LOG.warnf("could not delete %s: %s", f, e.getMessage());
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8 (a file in another encoding fails loudly instead of storing mangled names), counting bytes. */
    private static Reader open(Path file, AtomicLong bytesRead) {
        try {
            InputStream counting = new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) bytesRead.incrementAndGet();
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) bytesRead.addAndGet(n);
                    return n;
                }
            };
            return new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs submitted jobs one after another, in submission order. */
    static final class JobQueue {
        private final java.util.Queue<java.util.function.Supplier<Uni<Void>>> waiting =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

        void submit(java.util.function.Supplier<Uni<Void>> job) {
            waiting.add(job);
            next();
        }

        private void next() {
            if (!running.compareAndSet(false, true)) return;
            java.util.function.Supplier<Uni<Void>> job = waiting.poll();
            if (job == null) {
                running.set(false);
                // a job may have arrived between poll and set
                if (!waiting.isEmpty()) next();
                return;
            }
            job.get().subscribe().with(ok -> done(), failure -> {
                LOG.error("import job ended with an unexpected error", failure);
                done();
            });
        }

        private void done() {
            running.set(false);
            next();
        }
    }
}
