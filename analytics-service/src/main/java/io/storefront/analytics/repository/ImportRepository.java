package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.domain.RowError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Import jobs: what was uploaded, how far the job got, what it read, stored and rejected. Progress is
 * written through the pool (its own short transactions); the final state of a successful job inside
 * the import's transaction.
 */
@ApplicationScoped
public class ImportRepository {

    public record Job(long id, String format, String files, String status, String phase, long bytesTotal,
                      long bytesRead, int stepsDone, int stepsTotal, long rowsRead, long rowsRejected, long linesStored,
                      List<RowError> errors, String failure, OffsetDateTime createdAt, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = """
            id, format, files, status, phase, bytes_total, bytes_read, steps_done, steps_total, rows_read,
            rows_rejected, rows_stored, errors, failure, created_at, started_at, finished_at, updated_at""";

    private final Pool pool;

    public ImportRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Job> create(String format, String files, long bytesTotal) {
        return pool.preparedQuery("INSERT INTO analytics.imports (format, files, bytes_total, status) "
                        + "VALUES ($1, $2, $3, 'queued') RETURNING " + COLUMNS)
                .execute(Tuple.of(format, files, bytesTotal))
                .map(rows -> job(rows.iterator().next()));
    }

    public Uni<Void> markRunning(long id, int stepsTotal) {
        return pool.preparedQuery("""
                        UPDATE analytics.imports SET status = 'running', phase = 'reading', started_at = now(),
                               updated_at = now(), steps_total = $2 WHERE id = $1""")
                .execute(Tuple.of(id, stepsTotal)).replaceWithVoid();
    }

    public Uni<Void> reading(long id, long bytesRead, long rowsRead, long rowsRejected) {
        return pool.preparedQuery("""
                        UPDATE analytics.imports SET bytes_read = $2, rows_read = $3, rows_rejected = $4, updated_at = now()
                         WHERE id = $1 AND status = 'running'""")
                .execute(Tuple.of(id, bytesRead, rowsRead, rowsRejected)).replaceWithVoid();
    }

    /** Tells watchers the job is alive while a long step runs. */
    public Uni<Void> heartbeat(long id) {
        return pool.preparedQuery("UPDATE analytics.imports SET updated_at = now() WHERE id = $1 AND status = 'running'")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Void> applying(long id, int stepsDone) {
        return pool.preparedQuery("""
                        UPDATE analytics.imports SET phase = 'applying', bytes_read = bytes_total, steps_done = $2,
                               updated_at = now() WHERE id = $1 AND status = 'running'""")
                .execute(Tuple.of(id, stepsDone)).replaceWithVoid();
    }

    /** Refreshes the planner's statistics of the tables an import fills and the views read (~1.5 s at 1M lines). */
    public Uni<Void> analyzeRollups() {
        return pool.query("ANALYZE analytics.sales_cube, analytics.product_sales, analytics.customers, "
                + "analytics.customer_months, analytics.orders").execute().replaceWithVoid();
    }

    /**
     * Bumps the data version inside the import's transaction. The row lock orders concurrent imports,
     * so versions rise in commit order.
     */
    public long bumpDataVersion(Connection tx) throws SQLException {
        return Jdbc.queryLong(tx, "UPDATE analytics.data_version SET version = version + 1 WHERE id = 1 RETURNING version");
    }

    /**
     * Inside the import's transaction: the job succeeded exactly when its data commits. The clock, not
     * now(), which inside a transaction is the time it began. Not held to a running job: one a watcher took
     * for abandoned that then commits did store its rows, so its end replaces the failure written meanwhile.
     */
    public void succeed(Connection tx, long id, long read, long stored, long rejected, List<RowError> errors)
            throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("""
                UPDATE analytics.imports
                   SET status = 'succeeded', phase = NULL, failure = NULL, finished_at = clock_timestamp(),
                       updated_at = clock_timestamp(),
                       rows_read = ?, rows_stored = ?, rows_rejected = ?, errors = ?::jsonb,
                       bytes_read = bytes_total, steps_done = steps_total
                 WHERE id = ?""")) {
            s.setLong(1, read);
            s.setLong(2, stored);
            s.setLong(3, rejected);
            s.setString(4, errorsJson(errors).encode());
            s.setLong(5, id);
            s.executeUpdate();
        }
    }

    public Uni<Void> fail(long id, String failure, long rowsRead, long rowsRejected, List<RowError> errors) {
        return pool.preparedQuery("""
                        UPDATE analytics.imports
                           SET status = 'failed', phase = NULL, failure = $2, finished_at = now(), updated_at = now(),
                               rows_read = $3, rows_rejected = $4, rows_stored = 0, errors = $5
                         WHERE id = $1 AND status IN ('queued', 'running')""")
                .execute(Tuple.of(id, failure, rowsRead, rowsRejected, errorsJson(errors)))
                .replaceWithVoid();
    }

    /**
     * Jobs that stopped reporting for {@code silence} were cut off (a restart, a crash): their
     * transaction rolled back, so they failed and stored nothing.
     */
    public Uni<Integer> failAbandoned(Duration silence) {
        return pool.preparedQuery("""
                        UPDATE analytics.imports
                           SET status = 'failed', phase = NULL, finished_at = now(), updated_at = now(), rows_stored = 0,
                               failure = 'the service stopped while the import ran; nothing was stored, upload the file again'
                         WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) silence.toSeconds())).map(rows -> rows.rowCount());
    }

    public Uni<Optional<Job>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analytics.imports WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next())));
    }

    /** Newest first; {@code before} is an id cursor (exclusive), null for the newest. */
    public Uni<List<Job>> list(Long before, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analytics.imports WHERE ($1::bigint IS NULL OR id < $1) "
                        + "ORDER BY id DESC LIMIT $2")
                .execute(Tuple.of(before, limit))
                .map(rows -> {
                    List<Job> jobs = new ArrayList<>();
                    rows.forEach(r -> jobs.add(job(r)));
                    return jobs;
                });
    }

    private static JsonArray errorsJson(List<RowError> errors) {
        JsonArray array = new JsonArray();
        for (RowError e : errors) {
            array.add(new JsonObject().put("file", e.file()).put("line", e.line()).put("column", e.column())
                    .put("message", e.message()));
        }
        return array;
    }

    private static Job job(Row r) {
        List<RowError> errors = new ArrayList<>();
        Object raw = r.getValue("errors");
        if (raw instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                JsonObject e = array.getJsonObject(i);
                errors.add(new RowError(e.getString("file"), e.getLong("line", 0L), e.getString("column"),
                        e.getString("message")));
            }
        }
        return new Job(r.getLong("id"), r.getString("format"), r.getString("files"), r.getString("status"),
                r.getString("phase"), r.getLong("bytes_total"), r.getLong("bytes_read"), r.getInteger("steps_done"),
                r.getInteger("steps_total"), r.getLong("rows_read"), r.getLong("rows_rejected"), r.getLong("rows_stored"),
                errors, r.getString("failure"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("started_at"),
                r.getOffsetDateTime("finished_at"), r.getOffsetDateTime("updated_at"));
    }
}
