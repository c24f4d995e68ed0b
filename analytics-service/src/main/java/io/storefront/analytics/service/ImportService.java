package io.storefront.analytics.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.analytics.config.AnalyticsConfig;
import io.storefront.analytics.domain.FlatCsvSource;
import io.storefront.analytics.domain.OrderLineSource;
import io.storefront.analytics.domain.SeedCsvSource;
import io.storefront.analytics.repository.ImportRepository;
import io.storefront.analytics.repository.OrderLineRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Imports uploaded order files. The whole import is one transaction: good rows and the rollups
 * they change are committed together, bad rows are reported, and an import that fails midway
 * (a broken file, a lost connection) leaves nothing behind.
 */
@ApplicationScoped
public class ImportService {

    private final Pool pool;
    private final ImportRepository imports;
    private final OrderLineRepository lines;
    private final AnalyticsConfig config;

    public ImportService(Pool pool, ImportRepository imports, OrderLineRepository lines, AnalyticsConfig config) {
        this.pool = pool;
        this.imports = imports;
        this.lines = lines;
        this.config = config;
    }

    public Uni<ImportReport> importFlat(Path file, String fileName) {
        return run("flat-csv", () -> new FlatCsvSource(fileName, open(file)));
    }

    public Uni<ImportReport> importSeed(Path orderFile, Path detailFile) {
        return run("seed-csv", () -> new SeedCsvSource(open(orderFile), open(detailFile)));
    }

    private Uni<ImportReport> run(String format, Callable<OrderLineSource> opener) {
        // opening reads headers (and, for the seed format, all orders): blocking file I/O, so on a worker
        return Uni.createFrom().item(() -> call(opener))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(source -> pool.withTransaction(tx -> imports.start(tx, format)
                                .call(() -> lines.createStaging(tx))
                                .chain(importId -> stageAll(tx, source)
                                        // the version row lock, held to commit, orders concurrent imports' apply phases
                                        .call(() -> imports.bumpDataVersion(tx))
                                        .call(() -> lines.applyStaged(tx, importId))
                                        .call(staged -> imports.finish(tx, importId, source.tally().rowsRead(), staged,
                                                source.tally().rowsRejected()))
                                        .map(staged -> new ImportReport(importId, format, source.tally().rowsRead(),
                                                source.tally().rowsRejected(), staged, source.tally().errors()))))
                        .eventually(source::close));
    }

    /**
     * Reads a batch on a worker, stages it, then reads the next: one batch in memory at a time.
     * A demand-driven stream rather than recursion, so finished batches are not kept reachable.
     */
    private Uni<Long> stageAll(SqlConnection tx, OrderLineSource source) {
        AtomicLong staged = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> source.nextBatch(config.importBatchSize()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .until(List::isEmpty)
                .onItem().transformToUniAndConcatenate(batch -> lines.stage(tx, batch, staged.getAndAdd(batch.size())))
                .collect().with(Collectors.summingLong(Integer::longValue));
    }

    /** Strict UTF-8: a file in another encoding fails loudly instead of storing mangled names. */
    private static Reader open(Path file) {
        try {
            return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T call(Callable<T> callable) {
        try {
            return callable.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
