package io.storefront.analytics.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One instance per distinct value of a file's few-valued fields (states, categories, payment modes,
 * dates): the rollup sums made while reading key on them a dozen times per line, and a shared
 * instance hashes once and compares by identity. Bounded, so a file of unique values costs no memory.
 */
final class ValuePool {

    private static final int MAX_VALUES = 100_000;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();

    String of(String value) {
        if (value == null) return null;
        String known = values.get(value);
        if (known != null) return known;
        if (values.size() < MAX_VALUES) values.put(value, value);
        return value;
    }

    /** The parsed date of {@code raw}; a value that does not parse throws each time it is seen. */
    LocalDate date(String raw, Function<String, LocalDate> parse) {
        if (raw == null) return parse.apply(null);
        LocalDate known = dates.get(raw);
        if (known != null) return known;
        LocalDate parsed = parse.apply(raw);
        if (dates.size() < MAX_VALUES) dates.put(raw, parsed);
        return parsed;
    }
}
