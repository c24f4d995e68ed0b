package io.storefront.commons.query;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code after} and {@code limit} parameters of every change feed: {@code after} is the cursor a
 * previous page returned (absent or 0 = from the beginning), {@code limit} bounds the page.
 */
public record CursorQuery(long after, int limit) {

    public static CursorQuery parse(String after, String limit, int defaultLimit, int maxLimit) {
        List<Problem.Violation> errors = new ArrayList<>();
        long cursor = 0;
        if (after != null && !after.isBlank()) {
            try {
                cursor = Long.parseLong(after.strip());
                if (cursor < 0) errors.add(Problem.Violation.of("after", "must not be negative"));
            } catch (NumberFormatException e) {
                errors.add(Problem.Violation.of("after", "'" + after + "' is not a cursor returned by this feed"));
            }
        }
        int size = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > maxLimit) errors.add(Problem.Violation.of("limit", "must be between 1 and " + maxLimit));
            } catch (NumberFormatException e) {
                errors.add(Problem.Violation.of("limit", "'" + limit + "' is not a whole number"));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new CursorQuery(cursor, size);
    }
}
