package io.storefront.analytics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bulk import leaves the rollups with fresh planner statistics, so that the views right after it are
 * not planned for the tables as they were (data in a state and year no other test uses).
 */
@QuarkusTest
class ImportStatisticsTest {

    private static final List<String> ROLLUPS = List.of("sales_cube", "product_sales", "customers", "customer_months", "orders");

    @Inject
    Pool pool;

    /** When each rollup was last analysed by a statement (not by autovacuum); the epoch if never. */
    private List<LocalDateTime> lastAnalyzed() {
        List<LocalDateTime> out = new ArrayList<>();
        for (String table : ROLLUPS) {
            Row row = pool.preparedQuery("""
                            SELECT coalesce(last_analyze, 'epoch')::timestamp AS at FROM pg_stat_user_tables
                             WHERE schemaname = 'analytics' AND relname = $1""")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(table)).await().indefinitely().iterator().next();
            out.add(row.getLocalDateTime("at"));
        }
        return out;
    }

    @Test
    void aBulkImportRefreshesTheStatisticsOfTheRollups() throws InterruptedException {
        List<LocalDateTime> before = lastAnalyzed();
        StringBuilder csv = new StringBuilder("order_id,order_date,customer_id,customer_name,state,city,category,"
                + "sub_category,quantity,amount,profit,payment_mode\n");
        LocalDate start = LocalDate.of(2041, 1, 1);
        for (int line = 0; line < 10_000; line++) {
            int order = line / 4;
            csv.append("ST-%d,%s,S-%d,Customer %d,Statland,Stat City,Clothing,Saree,1,%d,5,UPI\n".formatted(order,
                    start.plusDays(order % 365), order % 500, order % 500, 100 + line % 7));
        }
        assertEquals("succeeded", ImportJobs.flat("statland.csv", csv.toString()).getString("status"));

        // refreshed after the job's commit, before the views are warmed: a client may see 'succeeded' first
        List<LocalDateTime> after = lastAnalyzed();
        for (int i = 0; i < 100 && !allLater(before, after); i++) {
            Thread.sleep(100);
            after = lastAnalyzed();
        }
        assertTrue(allLater(before, after), ROLLUPS + " analysed at " + before + ", then " + after);
    }

    private static boolean allLater(List<LocalDateTime> before, List<LocalDateTime> after) {
        for (int i = 0; i < before.size(); i++) if (!after.get(i).isAfter(before.get(i))) return false;
        return true;
    }
}
