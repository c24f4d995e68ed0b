package io.storefront.commons.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/status} of a service that owns a schema: which migration it runs and how much
 * data it holds. Row counts are the planner's estimates (cheap at any size; -1 before the first
 * ANALYZE), so the endpoint costs the same on an empty store and on 15 million order lines.
 */
public record ServiceStatus(String service, String version, String schema, String schemaVersion,
                            Map<String, Long> approximateRows) {

    public static Uni<ServiceStatus> read(Pool pool, String service, String version, String schema, List<String> tables) {
        String history = quote(schema) + ".flyway_schema_history";
        return pool.query("SELECT max(version::int)::text AS v FROM " + history + " WHERE success").execute()
                .map(rows -> rows.iterator().next().getString("v"))
                .chain(schemaVersion -> pool.preparedQuery("""
                                SELECT c.relname, c.reltuples::bigint AS estimate
                                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = $1 AND c.relname = ANY($2) AND c.relkind IN ('r', 'p')""")
                        .execute(Tuple.of(schema, tables.toArray(String[]::new)))
                        .map(rows -> {
                            Map<String, Long> counts = new TreeMap<>();
                            for (Row r : rows) counts.put(r.getString("relname"), r.getLong("estimate"));
                            return new ServiceStatus(service, version, schema, schemaVersion, counts);
                        }));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
