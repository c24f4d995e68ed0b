package io.storefront.analytics.chart;

/** A drawn chart with what a page needs to show it accessibly. */
public record RenderedChart(String name, String title, String alt, String mediaType, byte[] bytes) {
}
