package io.storefront.gateway.security;

import java.util.Locale;

/** What a key may do; each role includes the ones before it. */
public enum Role {
    /** Aggregates, recommendations, sentiment scoring. */
    READER,
    /** Customer-level data: customer profiles, stored reviews, preferences, shop events. */
    ANALYST,
    /** Imports, model training and builds, catalog changes. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** "reader", "analyst" or "admin"; null for anything else. */
    public static Role parse(String name) {
        for (Role r : values()) if (r.name().toLowerCase(Locale.ROOT).equals(name)) return r;
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
