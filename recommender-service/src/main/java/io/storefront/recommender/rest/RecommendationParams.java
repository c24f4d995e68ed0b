package io.storefront.recommender.rest;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.recommender.domain.model.Recommender;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query parameters every recommendation route shares, checked in one place: k, category,
 * exclude (comma-separated ids), excludeBought, inStock, explain. All problems are reported at once.
 */
record RecommendationParams(int k, Recommender.Filter filter, boolean explain) {

    static final int DEFAULT_K = 10;
    static final int MAX_EXCLUDED = 1000;

    static RecommendationParams parse(String k, String category, String exclude, String excludeBought, String inStock,
                                      String explain, int maxK, Set<String> categories) {
        List<Problem.Violation> errors = new ArrayList<>();
        int size = DEFAULT_K;
        if (k != null && !k.isBlank()) {
            try {
                size = Integer.parseInt(k.strip());
                if (size < 1 || size > maxK) errors.add(Problem.Violation.of("k", "must be between 1 and " + maxK + ", got " + size));
            } catch (NumberFormatException e) {
                errors.add(Problem.Violation.of("k", "'" + k + "' is not a whole number"));
            }
        }
        String cat = category == null || category.isBlank() ? null : category.strip();
        if (cat != null && !categories.contains(cat.toLowerCase(Locale.ROOT))) {
            errors.add(Problem.Violation.of("category", "no product has the category or sub-category '" + cat + "'"));
        }
        Set<String> excluded = new LinkedHashSet<>();
        if (exclude != null && !exclude.isBlank()) {
            for (String id : exclude.split(",")) if (!id.isBlank()) excluded.add(id.strip());
            if (excluded.size() > MAX_EXCLUDED) errors.add(Problem.Violation.of("exclude", "at most " + MAX_EXCLUDED + " ids"));
        }
        Boolean bought = flag("excludeBought", excludeBought, false, errors);
        Boolean stock = flag("inStock", inStock, true, errors);
        Boolean why = flag("explain", explain, true, errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new RecommendationParams(size, new Recommender.Filter(cat, Set.copyOf(excluded), bought, stock), why);
    }

    static Boolean flag(String name, String value, boolean otherwise, List<Problem.Violation> errors) {
        if (value == null || value.isBlank()) return otherwise;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                errors.add(Problem.Violation.of(name, "'" + value + "' is not true or false"));
                yield otherwise;
            }
        };
    }
}
