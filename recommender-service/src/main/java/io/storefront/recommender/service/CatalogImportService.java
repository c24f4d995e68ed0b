package io.storefront.recommender.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.csv.CsvReader;
import io.storefront.commons.db.DatabaseOutage;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.commons.problem.Problem;
import io.storefront.recommender.domain.catalog.ProductCsv;
import io.storefront.recommender.domain.catalog.ProductInput;
import io.storefront.recommender.domain.catalog.ProductRules;
import io.storefront.recommender.repository.CatalogRepository;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.repository.JobRepository.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Catalog CSV imports as jobs, one at a time on their own thread. The file is checked whole first
 * (header, quoting, UTF-8) so that an unreadable file fails and stores nothing; then its valid rows
 * are stored in batches of {@code BATCH}, each one transaction. Bad rows are listed with line and reason.
 */
@ApplicationScoped
public class CatalogImportService {

    private static final Logger LOG = Logger.getLogger(CatalogImportService.class);
    static final int BATCH = 1000;
    static final int MAX_ERRORS = 1000;
    private static final Duration DB_WAIT = Duration.ofMinutes(2);

    private final JobRepository jobs;
    private final CatalogRepository catalog;
    private final JobMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-import");
        t.setDaemon(true);
        return t;
    });

    public CatalogImportService(JobRepository jobs, CatalogRepository catalog, JobMetrics metrics) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.metrics = metrics;
        for (String kind : JobRepository.KINDS) metrics.declare(kind);
    }

    /** Jobs whose instance went silent (a crash or restart) are marked failed by whichever instance looks next. */
    void onStart(@Observes StartupEvent event, io.vertx.mutiny.core.Vertx vertx) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> jobs.failSilent().subscribe().with(
                byKind -> byKind.forEach((kind, n) -> {
                    LOG.warnf("%d %s jobs stopped reporting and were marked failed", n, kind);
                    metrics.abandoned(kind, n);
                }),
                e -> LOG.warnf("Could not check for silent jobs: %s", e.getMessage())));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Queues an import of an uploaded file (moved aside: the upload is deleted after the request). */
    public Uni<Job> start(Path upload, String fileName) {
        return Uni.createFrom().item(() -> moveAside(upload))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(file -> jobs.create(JobRepository.CATALOG_IMPORT, "queued: " + fileName)
                        .invoke(job -> worker.submit(() -> run(job.id(), file, fileName))));
    }

    private static Path moveAside(Path upload) {
        try {
            Path target = Files.createTempFile("catalog-import-", ".csv");
            Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(long id, Path file, String fileName) {
        long started = System.nanoTime();
        try {
            Checked checked = check(file);
            if (checked.problem() != null) {
                jobs.fail(id, checked.problem() + "; nothing was stored", List.of()).await().atMost(DB_WAIT);
                metrics.finished(JobRepository.CATALOG_IMPORT, JobMetrics.Outcome.FAILED, started);
                return;
            }
            // products replace by id: after an outage the file is imported again from the start, so an
            // import interrupted by a database restart resumes instead of ending with its first batches only
            DatabaseOutage.startOverAfterOutages("Catalog import " + id, () -> importRows(id, file, fileName, checked.rows()));
            metrics.finished(JobRepository.CATALOG_IMPORT, JobMetrics.Outcome.SUCCEEDED, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Catalog import %d failed", id);
            String why = "the import stopped: " + e.getClass().getSimpleName() + "; the batches before it are stored "
                    + "(import the file again: products replace by id)";
            DatabaseOutage.startOverAfterOutages("Catalog import " + id + " (recording that it failed)",
                    () -> jobs.fail(id, why, List.of()).await().atMost(DB_WAIT));
            metrics.finished(JobRepository.CATALOG_IMPORT, JobMetrics.Outcome.FAILED, started);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s: %s", file, e.getMessage());
            }
        }
    }

    private record Checked(String problem, long rows) {
    }

    /** Why the file cannot be read at all (or null), and how many rows it has, for the progress. */
    private static Checked check(Path file) {
        try (CsvReader csv = new CsvReader(reader(file))) {
            String[] header = csv.next();
            if (header == null) return new Checked("the file is empty", 0);
            ProductCsv columns = ProductCsv.of(header);
            if (columns.looksLikeOrders()) {
                return new Checked("the file cannot be imported: it is an order export (it has an order id and an order "
                        + "date); import orders at /api/v1/analytics/imports/order-lines, products here", 0);
            }
            List<String> missing = columns.missing();
            if (!missing.isEmpty()) {
                return new Checked("the file cannot be imported: the header lacks " + String.join(", ", missing)
                        + " (product_id, name, category, sub_category, price; optional description, in_stock and "
                        + "any attribute columns)", 0);
            }
            long rows = 0;
            while (csv.next() != null) rows++;
            return new Checked(null, rows);
        } catch (CsvReader.CsvFormatException e) {
            return new Checked("the file cannot be read: line " + e.line() + ": " + e.getMessage(), 0);
        } catch (UncheckedIOException e) {
            return new Checked(e.getCause() instanceof CharacterCodingException
                    ? "the file is not UTF-8 text" : "the file cannot be read: " + e.getMessage(), 0);
        } catch (IOException e) {
            return new Checked("the file cannot be read: " + e.getMessage(), 0);
        }
    }

    private void importRows(long id, Path file, String fileName, long total) {
        List<Problem.Violation> errors = new ArrayList<>();
        long rejected = 0;
        long read = 0;
        long stored = 0;
        try (CsvReader csv = new CsvReader(reader(file))) {
            ProductCsv columns = ProductCsv.of(csv.next());
            Map<String, ProductInput> batch = new LinkedHashMap<>();
            for (String[] row = csv.next(); ; row = csv.next()) {
                if (row != null) {
                    read++;
                    long line = csv.recordLine();
                    Object parsed = columns.parse(row, fileName, line);
                    Problem.Violation problem = parsed instanceof Problem.Violation v ? v
                            : ProductRules.problem((ProductInput) parsed, "");
                    if (problem != null) {
                        rejected++;
                        if (errors.size() < MAX_ERRORS) {
                            errors.add(problem.inRow(fileName, line));
                        }
                    } else {
                        ProductInput p = (ProductInput) parsed;
                        batch.remove(p.productId());
                        batch.put(p.productId(), p);
                    }
                }
                if (batch.size() >= BATCH || (row == null && !batch.isEmpty())) {
                    stored += catalog.upsert(List.copyOf(batch.values())).await().atMost(DB_WAIT);
                    batch.clear();
                    double percent = total == 0 ? 100 : Math.min(99.9, 100.0 * read / total);
                    jobs.progress(id, "storing products", Math.round(percent * 10) / 10.0, read, stored, rejected)
                            .await().atMost(DB_WAIT);
                }
                if (row == null) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.succeed(id, read, stored, errors, Map.of("fileName", fileName)).await().atMost(DB_WAIT);
        metrics.rows(JobRepository.CATALOG_IMPORT, read, rejected);
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
