package io.storefront.analytics.rest;

import io.storefront.analytics.domain.RowError;
import io.storefront.analytics.repository.ImportRepository.Job;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as clients poll it. */
@Schema(description = "An import job. status: queued, running, succeeded or failed; phase while running: reading "
        + "(parsing and staging rows) or applying (writing orders and rollups in one transaction). percent and "
        + "etaSeconds are estimates (reading counts for 15 %, applying for 85 %). A succeeded job stored every row "
        + "not listed in errors; a failed one stored nothing.")
public record ImportJobResponse(long id, String format, String files, String status, String phase, int percent,
                                Long etaSeconds, long bytesTotal, long bytesRead, long rowsRead, long rowsRejected,
                                @Schema(description = "order lines stored, as every service's jobs name it")
                                long rowsStored,
                                @Schema(description = "the same as rowsStored (this service's earlier name)")
                                long linesStored, OffsetDateTime createdAt, OffsetDateTime startedAt,
                                OffsetDateTime finishedAt, String failure,
                                @Schema(description = "rejected rows (at most 1,000): file, line (item for JSON), "
                                        + "column and reason") List<RowError> errors,
                                String self) {

    /** Share of the work a job spends reading, by measurement (1M lines: ~10 s of ~80 s). */
    static final double READING_SHARE = 0.15;

    static ImportJobResponse from(Job job) {
        int percent = percent(job);
        Long eta = null;
        if ("running".equals(job.status()) && percent > 0 && job.startedAt() != null) {
            double elapsed = Duration.between(job.startedAt(), job.updatedAt()).toMillis() / 1000.0;
            eta = Math.round(elapsed * (100 - percent) / percent);
        }
        return new ImportJobResponse(job.id(), job.format(), job.files(), job.status(), job.phase(), percent, eta,
                job.bytesTotal(), job.bytesRead(), job.rowsRead(), job.rowsRejected(), job.linesStored(), job.linesStored(),
                job.createdAt(),
                job.startedAt(), job.finishedAt(), job.failure(), job.errors(), "/api/v1/imports/" + job.id());
    }

    static int percent(Job job) {
        return switch (job.status()) {
            case "succeeded" -> 100;
            case "queued" -> 0;
            case "failed" -> 0;
            default -> {
                double read = job.bytesTotal() == 0 ? 1 : Math.min(1, (double) job.bytesRead() / job.bytesTotal());
                double applied = job.stepsTotal() == 0 ? 0 : (double) job.stepsDone() / job.stepsTotal();
                double done = "applying".equals(job.phase()) ? READING_SHARE + (1 - READING_SHARE) * applied
                        : READING_SHARE * read;
                yield (int) Math.min(99, Math.floor(100 * done));
            }
        };
    }
}
