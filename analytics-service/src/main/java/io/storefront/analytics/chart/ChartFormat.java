package io.storefront.analytics.chart;

import io.storefront.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** The {@code charts} query parameter of every view: whether and how charts come with the numbers. */
public enum ChartFormat {
    NONE(null, null),
    PNG("image/png", "png"),
    SVG("image/svg+xml", "svg");

    private final String mediaType;
    private final String extension;

    ChartFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }
    public String extension() { return extension; }

    /** Absent means PNG; anything unknown is a 400 naming the parameter. */
    public static ChartFormat parse(String value) {
        if (value == null || value.isBlank()) return PNG;
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("charts", "must be one of " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** The image format of a chart file name's extension ({@code png} or {@code svg}); null otherwise. */
    public static ChartFormat ofExtension(String extension) {
        for (ChartFormat f : values()) {
            if (f.extension != null && f.extension.equalsIgnoreCase(extension)) return f;
        }
        return null;
    }
}
