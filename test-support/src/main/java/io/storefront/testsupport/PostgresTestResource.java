package io.storefront.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} application its own fresh database for the run, dropped at the end.
 * Register it once per module: {@code @WithTestResource(value = PostgresTestResource.class,
 * scope = TestResourceScope.GLOBAL)}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestPostgres.createDatabase("quarkus");
        return database.quarkusProperties();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
