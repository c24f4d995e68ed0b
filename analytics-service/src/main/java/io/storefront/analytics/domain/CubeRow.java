package io.storefront.analytics.domain;

import java.time.LocalDate;

/**
 * One group of a cube read: its period start (for period breakdowns), its dimension values
 * ({@code key}, and {@code parent} for a sub-category's category or a city's state) and its figures.
 */
public record CubeRow(LocalDate period, String key, String parent, SalesFigures figures) {
}
