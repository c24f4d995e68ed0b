package io.storefront.sentiment.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** CSV review import jobs and their progress. */
@ApplicationScoped
public class ReviewImportRepository {

    public record Job(long id, String fileName, String status, long bytesTotal, long bytesRead, long rowsRead,
                      long rowsStored, long rowsRejected, List<Problem.Violation> errors, String failure,
                      String modelVersion, OffsetDateTime createdAt, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, OffsetDateTime updatedAt) {
    }

    private final Pool pool;

    public ReviewImportRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Job> create(String fileName, long bytes) {
        return pool.preparedQuery("""
                        INSERT INTO sentiment.review_imports (file_name, status, bytes_total) VALUES ($1, 'queued', $2)
                        RETURNING *""").execute(Tuple.of(fileName, bytes)).map(rows -> job(rows.iterator().next()));
    }

    public Uni<Void> progress(long id, long bytesRead, long rowsRead, long rowsStored, long rowsRejected, String model) {
        return pool.preparedQuery("""
                        UPDATE sentiment.review_imports SET status = 'running', started_at = coalesce(started_at, now()),
                               bytes_read = $2, rows_read = $3, rows_stored = $4, rows_rejected = $5,
                               model_version = coalesce($6, model_version), updated_at = now()
                         WHERE id = $1""")
                .execute(Tuple.from(new Object[] {id, bytesRead, rowsRead, rowsStored, rowsRejected, model}))
                .replaceWithVoid();
    }

    /** The end of a job: succeeded, or failed with the reason; the rejected rows either way. */
    public Uni<Void> finish(long id, boolean succeeded, String failure, List<Problem.Violation> errors) {
        JsonArray json = new JsonArray();
        for (Problem.Violation v : errors) {
            json.add(new JsonObject().put("file", v.file()).put("line", v.line()).put("field", v.field())
                    .put("message", v.message()));
        }
        return pool.preparedQuery("""
                        UPDATE sentiment.review_imports SET status = $2, failure = $3, errors = $4, finished_at = now(),
                               updated_at = now(), started_at = coalesce(started_at, now()) WHERE id = $1""")
                .execute(Tuple.of(id, succeeded ? "succeeded" : "failed", failure, json)).replaceWithVoid();
    }

    /**
     * Jobs a restart cut off are failed when an instance starts, once silent for ten minutes (a running
     * import reports every 1,000 rows, so another replica's job stays untouched); the batches they
     * stored stay (reviews replace by id).
     */
    public Uni<Integer> failInterrupted() {
        return pool.preparedQuery("""
                        UPDATE sentiment.review_imports SET status = 'failed', finished_at = now(), updated_at = now(),
                               failure = 'interrupted (no progress for 10 minutes, e.g. a restart); import the file again'
                         WHERE status IN ('queued', 'running') AND updated_at < now() - interval '10 minutes'""")
                .execute().map(rows -> rows.rowCount());
    }

    public Uni<Job> find(long id) {
        return pool.preparedQuery("SELECT * FROM sentiment.review_imports WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    public Uni<List<Job>> latest(int limit) {
        return pool.preparedQuery("SELECT * FROM sentiment.review_imports ORDER BY id DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Job> jobs = new ArrayList<>();
                    for (Row r : rows) jobs.add(job(r));
                    return jobs;
                });
    }

    private static Job job(Row r) {
        List<Problem.Violation> errors = new ArrayList<>();
        JsonArray json = (JsonArray) r.getValue("errors");
        for (int i = 0; i < json.size(); i++) {
            JsonObject e = json.getJsonObject(i);
            errors.add(Problem.Violation.atLine(e.getString("file"), e.getLong("line"), e.getString("field"),
                    e.getString("message")));
        }
        return new Job(r.getLong("id"), r.getString("file_name"), r.getString("status"), r.getLong("bytes_total"),
                r.getLong("bytes_read"), r.getLong("rows_read"), r.getLong("rows_stored"), r.getLong("rows_rejected"),
                errors, r.getString("failure"), r.getString("model_version"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"), r.getOffsetDateTime("updated_at"));
    }
}
