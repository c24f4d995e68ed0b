package io.storefront.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.storefront.testsupport.ServiceConventionsTest;

@QuarkusTest
@WithTestResource(AnalyticsStub.class)
class GatewayConventionsTest extends ServiceConventionsTest {

    @org.junit.jupiter.api.BeforeAll
    static void sendAKey() {
        TestKeys.sendAdminKeyByDefault();
    }

    @Override
    protected String documentedPath() {
        return "/analytics/sales";
    }

    @Override
    protected boolean hasDatabase() {
        return false;
    }
}
