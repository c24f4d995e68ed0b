package io.storefront.commons.query;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code from} and {@code to} query parameters every view takes: ISO dates, both inclusive,
 * either may be absent (open end). Bad values become a 400 problem naming the parameter.
 */
public record DateRangeQuery(LocalDate from, LocalDate to) {

    public static DateRangeQuery parse(String from, String to) {
        List<Problem.Violation> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && start != null && end != null && start.isAfter(end)) {
            errors.add(Problem.Violation.of("from", "must not be after to (" + end + ")"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new DateRangeQuery(start, end);
    }

    private static LocalDate date(String name, String value, List<Problem.Violation> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.add(Problem.Violation.of(name, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }
}
