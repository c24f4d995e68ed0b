package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Catalog imports and model builds: their progress while they run and their outcome. */
@ApplicationScoped
public class JobRepository {

    public static final String CATALOG_IMPORT = "catalog-import";
    public static final String MODEL_BUILD = "model-build";
    public static final String EVALUATION = "evaluation";
    public static final List<String> KINDS = List.of(CATALOG_IMPORT, MODEL_BUILD, EVALUATION);
    /** A running job writes progress at least this often; silence for longer means its instance stopped. */
    public static final Duration SILENT_AFTER = Duration.ofMinutes(2);
    /** How often a running build or evaluation says it is alive between its progress reports. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);

    public record Job(long id, String kind, String status, String phase, double percent, long rowsRead, long rowsStored,
                      long rowsRejected, List<Map<String, Object>> errors, Map<String, Object> result, String failure,
                      OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = """
            id, kind, status, phase, percent, rows_read, rows_stored, rows_rejected, errors::text, result::text,
            failure, created_at, started_at, finished_at, updated_at""";

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Job> create(String kind, String phase) {
        return pool.preparedQuery("INSERT INTO recommender.jobs (kind, status, phase) VALUES ($1, 'queued', $2) RETURNING " + COLUMNS)
                .execute(Tuple.of(kind, phase)).map(rows -> row(rows.iterator().next()));
    }

    public Uni<Job> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM recommender.jobs WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** The latest job of a kind that succeeded, or null. */
    public Uni<Job> latestSucceeded(String kind) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM recommender.jobs WHERE kind = $1 AND status = 'succeeded' "
                        + "ORDER BY id DESC LIMIT 1")
                .execute(Tuple.of(kind)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** The latest jobs of a kind, newest first. */
    public Uni<List<Job>> latest(String kind, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM recommender.jobs WHERE kind = $1 ORDER BY id DESC LIMIT $2")
                .execute(Tuple.of(kind, limit)).map(rows -> {
                    List<Job> out = new ArrayList<>();
                    for (Row r : rows) out.add(row(r));
                    return out;
                });
    }

    public Uni<Void> progress(long id, String phase, double percent, long read, long stored, long rejected) {
        return pool.preparedQuery("""
                        UPDATE recommender.jobs SET status = 'running', phase = $2, percent = $3, rows_read = $4, rows_stored = $5,
                               rows_rejected = $6, started_at = coalesce(started_at, now()), updated_at = now()
                         WHERE id = $1 AND status IN ('queued', 'running')""")
                .execute(Tuple.tuple(List.of(id, phase, percent, read, stored, rejected))).replaceWithVoid();
    }

    /** Marks a running job alive between its progress reports (see {@code Heartbeat}). */
    public Uni<Void> heartbeat(long id) {
        return pool.preparedQuery("UPDATE recommender.jobs SET updated_at = now() WHERE id = $1 AND status IN ('queued', 'running')")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Not held to a running job: one taken for stopped ({@link #failSilent}) that then finishes did finish, and
     * what it stored is there, so its end is what the job reports, without the failure written meanwhile.
     */
    public Uni<Void> succeed(long id, long read, long stored, List<Problem.Violation> errors, Map<String, Object> result) {
        JsonArray errs = new JsonArray();
        for (Problem.Violation v : errors) errs.add(JsonObject.mapFrom(v));
        return pool.preparedQuery("""
                        UPDATE recommender.jobs SET status = 'succeeded', phase = 'done', percent = 100, failure = NULL,
                               rows_read = $2, rows_stored = $3,
                               rows_rejected = $4, errors = $5::text::jsonb, result = $6::text::jsonb,
                               started_at = coalesce(started_at, now()), finished_at = now(), updated_at = now()
                         WHERE id = $1""")
                .execute(Tuple.of(id, read, stored, (long) errors.size(), errs.encode(),
                        result == null ? null : new JsonObject(result).encode()))
                .replaceWithVoid();
    }

    public Uni<Void> fail(long id, String why, List<Problem.Violation> errors) {
        JsonArray errs = new JsonArray();
        for (Problem.Violation v : errors) errs.add(JsonObject.mapFrom(v));
        return pool.preparedQuery("""
                        UPDATE recommender.jobs SET status = 'failed', phase = 'failed', failure = $2, errors = $3::text::jsonb,
                               rows_rejected = $4, finished_at = now(), updated_at = now()
                         WHERE id = $1""")
                .execute(Tuple.of(id, why, errs.encode(), (long) errors.size())).replaceWithVoid();
    }

    /** Marks failed the jobs whose instance went silent (it stopped or crashed while they ran); how many, by kind. */
    public Uni<Map<String, Integer>> failSilent() {
        return pool.preparedQuery("""
                        UPDATE recommender.jobs SET status = 'failed', phase = 'failed', finished_at = now(), updated_at = now(),
                               failure = 'the instance running the job stopped before it finished; nothing of a '
                                      || 'batch in progress was kept: run it again'
                         WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1)
                        RETURNING kind""")
                .execute(Tuple.of((double) SILENT_AFTER.toSeconds())).map(rows -> {
                    Map<String, Integer> byKind = new TreeMap<>();
                    for (Row r : rows) byKind.merge(r.getString("kind"), 1, Integer::sum);
                    return byKind;
                });
    }

    @SuppressWarnings("unchecked")
    private static Job row(Row r) {
        String result = r.getString("result");
        return new Job(r.getLong("id"), r.getString("kind"), r.getString("status"), r.getString("phase"),
                r.getDouble("percent"), r.getLong("rows_read"), r.getLong("rows_stored"), r.getLong("rows_rejected"),
                (List<Map<String, Object>>) (List<?>) new JsonArray(r.getString("errors")).getList(),
                result == null ? null : new JsonObject(result).getMap(), r.getString("failure"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"),
                r.getOffsetDateTime("updated_at"));
    }
}
