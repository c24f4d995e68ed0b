package io.storefront.analytics.domain;

/** How a view groups the sales it reads: by a period, by a dimension, or not at all. */
public enum Breakdown {
    TOTAL(0, false),
    DAY(0, false),
    WEEK(0, false),
    MONTH(0, false),
    CATEGORY(CubePlan.CATEGORY, false),
    SUB_CATEGORY(CubePlan.SUB_CATEGORY, false),
    PAYMENT_MODE(CubePlan.PAYMENT_MODE, false),
    STATE(0, true),
    CITY(0, true);

    private final int lineDimensions;
    private final boolean geographic;

    Breakdown(int lineDimensions, boolean geographic) {
        this.lineDimensions = lineDimensions;
        this.geographic = geographic;
    }

    /** The cube's line dimensions a group-by on this needs. */
    public int lineDimensions() {
        return lineDimensions;
    }

    public boolean geographic() {
        return geographic;
    }

    /** Day and week buckets can only be read from day rows. */
    public boolean needsDays() {
        return this == DAY || this == WEEK;
    }
}
