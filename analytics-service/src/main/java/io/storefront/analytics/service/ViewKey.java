package io.storefront.analytics.service;

import io.storefront.analytics.chart.ChartFormat;

/** What a cached view is: the data version it was computed at, the view, its parameters and chart format. */
record ViewKey(long version, String view, Object parameters, ChartFormat format) implements ViewCache.Versioned {
}
