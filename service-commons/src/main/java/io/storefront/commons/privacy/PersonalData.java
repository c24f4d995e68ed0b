package io.storefront.commons.privacy;

import java.util.List;
import java.util.Map;

/**
 * Everything a service holds about one customer, its answer to {@code GET /api/v1/personal-data/{customerId}}
 * (a customer's right of access and to take their data elsewhere): each kind of record with all its rows. A
 * customer the service does not know has empty lists.
 */
public record PersonalData(String customerId, Map<String, List<?>> records) {
}
