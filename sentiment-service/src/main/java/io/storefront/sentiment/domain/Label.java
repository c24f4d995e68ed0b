package io.storefront.sentiment.domain;

import java.util.Locale;

/** The verdict on a text; {@code UNKNOWN} when the text does not look like English. */
public enum Label {
    POSITIVE, NEUTRAL, NEGATIVE, UNKNOWN;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
