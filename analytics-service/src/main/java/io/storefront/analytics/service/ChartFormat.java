package io.storefront.analytics.service;

import io.storefront.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** The {@code charts} query parameter: whether and how charts come with the numbers. */
public enum ChartFormat {
    NONE, PNG;

    public static ChartFormat parse(String value) {
        if (value == null || value.isBlank()) return PNG;
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("charts", "must be one of " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
