package io.storefront.recommender.repository;

import io.smallrye.mutiny.Uni;
import io.storefront.recommender.domain.catalog.ProductInput;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The product catalog: upserts in one statement per batch, reads by id. */
@ApplicationScoped
public class CatalogRepository {

    /** A stored product. */
    public record ProductRow(String productId, String name, String description, String category, String subCategory,
                             BigDecimal price, boolean inStock, Map<String, Object> attributes, String source,
                             OffsetDateTime updatedAt) {
    }

    private final Pool pool;

    public CatalogRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts or replaces the products (ids unique within the list) in one statement; returns how many. */
    public Uni<Integer> upsert(SqlClient client, List<ProductInput> products) {
        int n = products.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] descriptions = new String[n];
        String[] categories = new String[n];
        String[] subs = new String[n];
        String[] prices = new String[n];
        Boolean[] stock = new Boolean[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            ProductInput p = products.get(i);
            ids[i] = p.productId().strip();
            names[i] = p.name().strip();
            descriptions[i] = p.description() == null ? "" : p.description().strip();
            categories[i] = p.category().strip();
            subs[i] = p.subCategory().strip();
            prices[i] = p.price().toPlainString();
            stock[i] = p.inStock() == null || p.inStock();
            attributes[i] = p.attributes() == null ? "{}" : new JsonObject(Map.copyOf(p.attributes())).encode();
        }
        return client.preparedQuery("""
                        INSERT INTO recommender.products (product_id, name, description, category, sub_category, price, in_stock,
                                              attributes, source, updated_at)
                        SELECT id, name, description, category, sub_category, price::numeric, in_stock, attributes::jsonb,
                               'catalog', now()
                          FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                      $7::boolean[], $8::text[])
                               AS t(id, name, description, category, sub_category, price, in_stock, attributes)
                        ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, description = excluded.description,
                               category = excluded.category, sub_category = excluded.sub_category, price = excluded.price,
                               in_stock = excluded.in_stock, attributes = excluded.attributes, source = 'catalog',
                               updated_at = now()""")
                .execute(Tuple.tuple(List.of(ids, names, descriptions, categories, subs, prices, stock, attributes)))
                .map(rows -> rows.rowCount());
    }

    public Uni<Integer> upsert(List<ProductInput> products) {
        return pool.withTransaction(tx -> upsert(tx, products));
    }

    public Uni<ProductRow> find(String productId) {
        return pool.preparedQuery("""
                        SELECT product_id, name, description, category, sub_category, price::text, in_stock, attributes::text,
                               source, updated_at
                          FROM recommender.products WHERE product_id = $1""")
                .execute(Tuple.of(productId))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** A page of the catalog in id order, after {@code after} (exclusive; null = from the start). */
    public Uni<List<ProductRow>> page(String after, String category, int limit) {
        return pool.preparedQuery("""
                        SELECT product_id, name, description, category, sub_category, price::text, in_stock, attributes::text,
                               source, updated_at
                          FROM recommender.products
                         WHERE ($1::text IS NULL OR product_id > $1)
                           AND ($2::text IS NULL OR lower(category) = lower($2) OR lower(sub_category) = lower($2))
                         ORDER BY product_id LIMIT $3""")
                .execute(Tuple.of(after, category, limit))
                .map(rows -> {
                    List<ProductRow> out = new java.util.ArrayList<>();
                    for (Row r : rows) out.add(row(r));
                    return out;
                });
    }

    private static ProductRow row(Row r) {
        return new ProductRow(r.getString("product_id"), r.getString("name"), r.getString("description"),
                r.getString("category"), r.getString("sub_category"), new BigDecimal(r.getString("price")), r.getBoolean("in_stock"),
                new JsonObject(r.getString("attributes")).getMap(), r.getString("source"), r.getOffsetDateTime("updated_at"));
    }
}
