package io.storefront.sentiment.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.storefront.commons.csv.CsvReader;
import io.storefront.commons.db.DatabaseOutage;
import io.storefront.commons.metrics.JobMetrics;
import io.storefront.commons.problem.Problem;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.domain.ReviewCsv;
import io.storefront.sentiment.domain.ReviewRules;
import io.storefront.sentiment.repository.ReviewImportRepository;
import io.storefront.sentiment.repository.ReviewImportRepository.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * CSV review imports as jobs, one at a time on their own thread. The file is read twice: first to
 * check it can be read at all (header, quoting, UTF-8) so that an unreadable file fails and stores
 * nothing, then to score and store its valid rows in batches of {@code BATCH}, each batch one
 * transaction. Bad rows are rejected with their line and reason; good rows are stored.
 */
@ApplicationScoped
public class ReviewImportService {

    private static final Logger LOG = Logger.getLogger(ReviewImportService.class);
    static final int BATCH = 1000;
    static final int MAX_ERRORS = 1000;
    private static final Duration DB_WAIT = Duration.ofMinutes(2);

    private final ReviewImportRepository jobs;
    private final ReviewService reviews;
    private final SentimentConfig config;
    private final JobMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "review-import");
        t.setDaemon(true);
        return t;
    });

    /** The job kind in metrics. */
    static final String KIND = "review-import";

    public ReviewImportService(ReviewImportRepository jobs, ReviewService reviews, SentimentConfig config,
                               JobMetrics metrics) {
        this.jobs = jobs;
        this.reviews = reviews;
        this.config = config;
        this.metrics = metrics;
        metrics.declare(KIND);
    }

    /** Jobs whose replica went silent (a crash or restart) are marked failed by whichever replica looks next. */
    void onStart(@Observes StartupEvent event, io.vertx.mutiny.core.Vertx vertx) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> jobs.failInterrupted().subscribe().with(
                n -> {
                    if (n == 0) return;
                    LOG.warnf("%d review imports stopped reporting and were marked failed", n);
                    metrics.abandoned(KIND, n);
                },
                e -> LOG.warnf("Could not check review imports: %s", e.getMessage())));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Queues an import of an uploaded file (moved aside: the upload is deleted after the request); answers with the job. */
    public Uni<Job> start(Path upload, String fileName) {
        return Uni.createFrom().item(() -> moveAside(upload))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(file -> jobs.create(fileName, file.size())
                        .invoke(job -> worker.submit(() -> run(job.id(), file.path(), fileName, file.size()))));
    }

    private record Moved(Path path, long size) {
    }

    private static Moved moveAside(Path upload) {
        try {
            Path target = Files.createTempFile("review-import-", ".csv");
            Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING);
            return new Moved(target, Files.size(target));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void run(long id, Path file, String fileName, long size) {
        long started = System.nanoTime();
        try {
            String unreadable = check(file);
            if (unreadable != null) {
                jobs.finish(id, false, unreadable + "; nothing was stored", List.of()).await().atMost(DB_WAIT);
                metrics.finished(KIND, JobMetrics.Outcome.FAILED, started);
                return;
            }
            // reviews replace by id: after an outage the file is imported again from the start, so an
            // import interrupted by a database restart resumes instead of ending with its first batches only
            DatabaseOutage.startOverAfterOutages("Review import " + id, () -> importRows(id, file, fileName, size));
            metrics.finished(KIND, JobMetrics.Outcome.SUCCEEDED, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Review import %d failed", id);
            String why = "the import stopped: " + e.getClass().getSimpleName()
                    + "; the batches before it are stored (import the file again: reviews replace by id)";
            DatabaseOutage.startOverAfterOutages("Review import " + id + " (recording that it failed)",
                    () -> jobs.finish(id, false, why, List.of()).await().atMost(DB_WAIT));
            metrics.finished(KIND, JobMetrics.Outcome.FAILED, started);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s: %s", file, e.getMessage());
            }
        }
    }

    /** Why the file cannot be read at all, or null: a missing column, broken quoting, bytes that are not UTF-8. */
    private static String check(Path file) {
        try (ReviewCsv csv = new ReviewCsv(reader(Files.newInputStream(file)))) {
            while (csv.next() != null) {
                // reading to the end is the check
            }
            return null;
        } catch (ReviewCsv.MissingColumns e) {
            return "the file cannot be imported: " + e.getMessage();
        } catch (CsvReader.CsvFormatException e) {
            return "the file cannot be read: line " + e.line() + ": " + e.getMessage();
        } catch (java.io.UncheckedIOException e) {
            return e.getCause() instanceof CharacterCodingException
                    ? "the file is not UTF-8 text" : "the file cannot be read: " + e.getMessage();
        } catch (Exception e) {
            return "the file cannot be read: " + e.getMessage();
        }
    }

    private void importRows(long id, Path file, String fileName, long size) throws RuntimeException {
        List<Problem.Violation> errors = new ArrayList<>();
        long rejected = 0;
        long read = 0;
        long stored = 0;
        String model = null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
             ReviewCsv csv = new ReviewCsv(reader(counted))) {
            Map<String, ReviewService.Accepted> batch = new LinkedHashMap<>();
            for (ReviewCsv.Row row = csv.next(); ; row = csv.next()) {
                if (row != null) {
                    read++;
                    Problem.Violation problem = row.review() == null
                            ? Problem.Violation.atLine(fileName, row.line(), row.field(), row.problem())
                            : ReviewRules.problem(row.review(), "", config.maxTextLength());
                    if (problem != null) {
                        rejected++;
                        if (errors.size() < MAX_ERRORS) {
                            errors.add(problem.inRow(fileName, row.line()));
                        }
                    } else {
                        String key = row.review().reviewId().strip();
                        batch.remove(key); // a later row with the same id wins
                        batch.put(key, new ReviewService.Accepted(row.review(), ReviewRules.createdAt(row.review(), now)));
                    }
                }
                if (batch.size() >= BATCH || (row == null && !batch.isEmpty())) {
                    ReviewService.Stored done = reviews.scoreAndStore(List.copyOf(batch.values())).await().atMost(DB_WAIT);
                    stored += done.count();
                    model = done.model();
                    batch.clear();
                    jobs.progress(id, counted.count, read, stored, rejected, model).await().atMost(DB_WAIT);
                }
                if (row == null) break;
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e);
        }
        jobs.progress(id, size, read, stored, rejected, model).await().atMost(DB_WAIT);
        jobs.finish(id, true, null, errors).await().atMost(DB_WAIT);
        metrics.rows(KIND, read, rejected);
    }

    private static InputStreamReader reader(InputStream in) {
        return new InputStreamReader(new BufferedInputStream(in), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Counts the bytes read so far, for the job's progress. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
