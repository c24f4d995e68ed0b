package io.storefront.sentiment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.storefront.testsupport.PostgresTestResource;

/** Every @QuarkusTest of this module runs against one fresh PostgreSQL database, dropped at the end. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class DatabaseForTests {
    private DatabaseForTests() {
    }
}
