package io.storefront.analytics.rest;

import io.storefront.analytics.domain.Breakdown;
import io.storefront.analytics.domain.customer.BehaviourClusters;
import io.storefront.analytics.service.CustomerService;
import io.storefront.analytics.service.ProductService;
import io.storefront.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The query parameters the analytics views share, parsed one way: a view and the chart endpoint that
 * serves its images read the same parameter with the same method, so they agree on defaults and errors.
 */
final class ViewParams {

    static final String FROM = "First day, ISO date, inclusive; default: first day with orders";
    static final String TO = "Last day, ISO date, inclusive; default: last day with orders";
    static final String CHARTS = "none, png (default) or svg";

    private ViewParams() {
    }

    /** trend: day, week or month (default). */
    static Breakdown interval(String value) {
        return choice("interval", value, Breakdown.MONTH, Breakdown.DAY, Breakdown.WEEK, Breakdown.MONTH);
    }

    /** profit: category (default) or sub-category. */
    static Breakdown profitBy(String value) {
        return choice("by", value, Breakdown.CATEGORY, Breakdown.CATEGORY, Breakdown.SUB_CATEGORY);
    }

    /** treemap: sub-category (default) or category. */
    static Breakdown treemapLevel(String value) {
        return choice("level", value, Breakdown.SUB_CATEGORY, Breakdown.CATEGORY, Breakdown.SUB_CATEGORY);
    }

    /** products/top: 1 to 100, default 10. */
    static int limit(String value) {
        return blank(value) ? 10 : integer("limit", value, 1, ProductService.MAX_LIMIT);
    }

    /** clusters: 2 to 10, or null to choose k by silhouette. */
    static Integer clusters(String value) {
        return blank(value) ? null : integer("k", value, 2, BehaviourClusters.MAX_K);
    }

    /** cohorts: 1 to 36, default 12. */
    static int cohortMonths(String value) {
        return blank(value) ? 12 : integer("months", value, 1, CustomerService.MAX_COHORT_MONTHS);
    }

    static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    /** A kebab-case choice among {@code allowed} ("sub-category" for SUB_CATEGORY); absent means the default. */
    private static Breakdown choice(String parameter, String value, Breakdown absent, Breakdown... allowed) {
        if (blank(value)) {
            return absent;
        }
        for (Breakdown b : allowed) {
            if (b.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                return b;
            }
        }
        throw ProblemException.invalid(parameter, "must be one of " + Arrays.stream(allowed)
                .map(b -> b.name().replace('_', '-').toLowerCase(Locale.ROOT)).toList());
    }

    private static int integer(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
