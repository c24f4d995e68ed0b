package io.storefront.analytics.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.ServiceConventionsTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AnalyticsConventionsTest extends ServiceConventionsTest {

    @Inject
    Pool pool;

    @Override
    protected String documentedPath() {
        return "/api/v1/sales/summary";
    }

    @Test
    void migrationsRanIntoTheAnalyticsSchema() {
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("schema", equalTo("analytics")).body("schemaVersion", equalTo("10"));
    }

    /** The import stages its sums in Java's order, which is the code point order: the tables must sort the same way. */
    @Test
    void storedTextSortsInCodePointOrderWhateverTheDatabaseDefault() {
        List<String> otherwise = new ArrayList<>();
        for (Row row : pool.query("""
                        SELECT c.relname || '.' || a.attname AS col, coalesce(co.collname, '') AS coll
                          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                          LEFT JOIN pg_collation co ON co.oid = a.attcollation
                         WHERE c.relnamespace = 'analytics'::regnamespace AND c.relkind = 'r' AND a.attnum > 0
                           AND a.atttypid = 'text'::regtype
                           AND c.relname IN ('orders', 'order_lines', 'sales_cube', 'product_sales', 'customers', 'customer_months')
                         ORDER BY 1""").execute().await().indefinitely()) {
            if (!row.getString("coll").equals("C")) otherwise.add(row.getString("col") + " " + row.getString("coll"));
        }
        assertEquals(List.of(), otherwise);
    }
}
