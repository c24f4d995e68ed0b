package io.storefront.gateway.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which role each public route needs, by method and path; the first matching rule wins. Routes that
 * are not the public API (health, metrics, OpenAPI, Swagger UI, the dashboard's files) need no key.
 */
public final class AccessPolicy {

    private record Rule(String methods, Pattern path, Role role) {
        boolean matches(String method, String p) {
            return (methods.equals("*") || methods.contains(method)) && path.matcher(p).matches();
        }
    }

    private static final List<Rule> RULES = List.of(
            // imports, training, model builds, feed syncs, catalog changes and erasures of customers
            new Rule("*", Pattern.compile("/api/v1/personal-data(/.*)?"), Role.ADMIN),
            new Rule("*", Pattern.compile("/api/v1/analytics/imports(/.*)?"), Role.ADMIN),
            new Rule("*", Pattern.compile("/api/v1/sentiment/reviews/imports(/.*)?"), Role.ADMIN),
            new Rule("POST", Pattern.compile("/api/v1/sentiment/reviews"), Role.ADMIN),
            new Rule("POST,PUT,DELETE", Pattern.compile("/api/v1/sentiment/models(/.*)?"), Role.ADMIN),
            new Rule("*", Pattern.compile("/api/v1/catalog/imports(/.*)?"), Role.ADMIN),
            new Rule("POST,PUT,DELETE", Pattern.compile("/api/v1/catalog(/.*)?"), Role.ADMIN),
            new Rule("POST,PUT,DELETE", Pattern.compile("/api/v1/recommender(/.*)?"), Role.ADMIN),
            // customer-level data
            new Rule("*", Pattern.compile("/api/v1/analytics/customers/profiles(/.*)?"), Role.ANALYST),
            new Rule("GET", Pattern.compile("/api/v1/sentiment/reviews(/.*)?"), Role.ANALYST),
            new Rule("*", Pattern.compile("/api/v1/users(/.*)?"), Role.ANALYST),
            new Rule("*", Pattern.compile("/api/v1/interactions(/.*)?"), Role.ANALYST),
            // everything else of the public API: aggregates, recommendations, scoring
            new Rule("*", Pattern.compile("/api(/.*)?"), Role.READER),
            new Rule("*", Pattern.compile("/(recommend|sentiment|analytics/sales|analytics/customer)/?"), Role.READER));

    private AccessPolicy() {
    }

    /** The role a request needs, or null when the path is not the public API. */
    public static Role required(String method, String path) {
        for (Rule r : RULES) if (r.matches(method, path)) return r.role();
        return null;
    }
}
