package io.storefront.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The record of each import: what was read, stored and rejected. */
@ApplicationScoped
public class ImportRepository {

    public Uni<Long> start(SqlConnection tx, String format) {
        return tx.preparedQuery("INSERT INTO analytics.imports (format) VALUES ($1) RETURNING id")
                .execute(Tuple.of(format))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /**
     * Bumps the data version inside the import's transaction. The row lock orders concurrent imports,
     * so versions rise in commit order.
     */
    public Uni<Long> bumpDataVersion(SqlConnection tx) {
        return tx.query("UPDATE analytics.data_version SET version = version + 1 WHERE id = 1 RETURNING version")
                .execute().map(rows -> rows.iterator().next().getLong("version"));
    }

    public Uni<Void> finish(SqlConnection tx, long importId, long read, long stored, long rejected) {
        return tx.preparedQuery("""
                        UPDATE analytics.imports
                           SET finished_at = now(), rows_read = $2, rows_stored = $3, rows_rejected = $4
                         WHERE id = $1""")
                .execute(Tuple.of(importId, read, stored, rejected))
                .replaceWithVoid();
    }
}
