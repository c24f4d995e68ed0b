package io.storefront.analytics.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** The values the filters can take in the imported data: what the dashboard offers and what validation accepts. */
public record Dimensions(Optional<DateRange> range, SortedMap<String, List<String>> subCategoriesByCategory,
                         SortedMap<String, List<String>> citiesByState, List<String> paymentModes) {

    /** The first filter value that does not occur in the data, as (parameter, message); empty when all do. */
    public Optional<Map.Entry<String, String>> unknownValue(SalesFilter filter) {
        if (filter.category() != null && !subCategoriesByCategory.containsKey(filter.category())) {
            return Optional.of(Map.entry("category", unknown("category", filter.category(), subCategoriesByCategory.keySet())));
        }
        if (filter.subCategory() != null) {
            List<String> allowed = filter.category() != null ? subCategoriesByCategory.get(filter.category())
                    : subCategoriesByCategory.values().stream().flatMap(List::stream).sorted().toList();
            if (!allowed.contains(filter.subCategory())) {
                return Optional.of(Map.entry("subCategory", unknown(
                        filter.category() != null ? "sub-category of " + filter.category() : "sub-category",
                        filter.subCategory(), allowed)));
            }
        }
        if (filter.state() != null && !citiesByState.containsKey(filter.state())) {
            return Optional.of(Map.entry("state", unknown("state", filter.state(), citiesByState.keySet())));
        }
        if (filter.paymentMode() != null && !paymentModes.contains(filter.paymentMode())) {
            return Optional.of(Map.entry("paymentMode", unknown("payment mode", filter.paymentMode(), paymentModes)));
        }
        return Optional.empty();
    }

    private static String unknown(String what, String value, java.util.Collection<String> allowed) {
        String known = allowed.isEmpty() ? "no data has been imported yet"
                : allowed.size() <= 30 ? "known: " + String.join(", ", allowed) : allowed.size() + " are known";
        return "no " + what + " '" + value + "' in the imported data (" + known + ")";
    }
}
