package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.ProblemException;
import io.storefront.recommender.repository.JobRepository;
import io.storefront.recommender.repository.JobRepository.Job;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog import or model build as clients poll it. */
@Schema(description = "status: queued, running, succeeded or failed; errors are rejected rows (line and reason); "
        + "result holds what a finished job produced")
public record JobJson(long id, String kind, String status, String phase, double percent, Long etaSeconds, long rowsRead,
                      long rowsStored, long rowsRejected, List<Map<String, Object>> errors, Map<String, Object> result,
                      String failure, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    static JobJson of(Job j) {
        Long eta = null;
        if (j.status().equals("running") && j.percent() > 0 && j.startedAt() != null) {
            double elapsed = Duration.between(j.startedAt(), j.updatedAt()).toMillis() / 1000.0;
            eta = Math.round(elapsed * (100 - j.percent()) / j.percent());
        }
        return new JobJson(j.id(), j.kind(), j.status(), j.phase(), j.percent(), eta, j.rowsRead(), j.rowsStored(),
                j.rowsRejected(), j.errors(), j.result(), j.failure(), j.createdAt(), j.startedAt(), j.finishedAt());
    }

    /** The job of that kind with that id, or 404 (ids that are not numbers are simply not found). */
    static Uni<JobJson> find(JobRepository jobs, String kind, String id, String what) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No " + what + " " + id);
        }
        return jobs.find(value).map(job -> {
            if (job == null || !job.kind().equals(kind)) throw ProblemException.notFound("No " + what + " " + id);
            return of(job);
        });
    }
}
