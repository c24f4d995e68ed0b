package io.storefront.recommender.domain.catalog;

import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.StoredText;
import java.math.BigDecimal;
import java.util.Map;

/** What a product must be to be stored, the same for JSON batches and CSV imports. */
public final class ProductRules {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 500;
    static final int MAX_DESCRIPTION_LENGTH = 20_000;
    static final int MAX_ATTRIBUTES = 50;
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");

    private ProductRules() {
    }

    /** The first thing wrong with a product, or null; {@code at} prefixes field names ("products[3]"). */
    public static Problem.Violation problem(ProductInput in, String at) {
        if (blank(in.productId())) return Problem.Violation.of(at + ".productId", "is required");
        if (in.productId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".productId", "at most " + MAX_ID_LENGTH + " characters");
        }
        if (blank(in.name())) return Problem.Violation.of(at + ".name", "is required");
        if (in.name().length() > MAX_NAME_LENGTH) {
            return Problem.Violation.of(at + ".name", "at most " + MAX_NAME_LENGTH + " characters");
        }
        if (in.description() != null && in.description().length() > MAX_DESCRIPTION_LENGTH) {
            return Problem.Violation.of(at + ".description", "at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (blank(in.category())) return Problem.Violation.of(at + ".category", "is required");
        if (blank(in.subCategory())) return Problem.Violation.of(at + ".subCategory", "is required");
        if (in.category().length() > MAX_ID_LENGTH || in.subCategory().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".category", "category and sub-category at most " + MAX_ID_LENGTH + " characters");
        }
        if (in.price() == null) return Problem.Violation.of(at + ".price", "is required");
        if (in.price().signum() < 0 || in.price().compareTo(MAX_PRICE) > 0) {
            return Problem.Violation.of(at + ".price", "must be between 0 and " + MAX_PRICE.toPlainString() + ", got "
                    + in.price().toPlainString());
        }
        if (in.price().scale() > 2 && in.price().stripTrailingZeros().scale() > 2) {
            return Problem.Violation.of(at + ".price", "at most two decimals, got " + in.price().toPlainString());
        }
        Map<String, String> attributes = in.attributes();
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                return Problem.Violation.of(at + ".attributes", "at most " + MAX_ATTRIBUTES + " attributes");
            }
            for (var e : attributes.entrySet()) {
                String unstorable = StoredText.problem(e.getKey(), e.getValue());
                if (unstorable != null) return Problem.Violation.of(at + ".attributes", "a name or value " + unstorable);
                if (blank(e.getKey()) || e.getKey().length() > MAX_ID_LENGTH
                        || (e.getValue() != null && e.getValue().length() > MAX_NAME_LENGTH)) {
                    return Problem.Violation.of(at + ".attributes", "names up to " + MAX_ID_LENGTH
                            + " characters and values up to " + MAX_NAME_LENGTH);
                }
            }
        }
        return StoredText.violation(at, in.productId(), in.name(), in.description(), in.category(), in.subCategory());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
