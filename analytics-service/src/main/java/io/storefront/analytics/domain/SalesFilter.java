package io.storefront.analytics.domain;

/**
 * The filters every sales view takes besides the date range; {@code null} means "all".
 * Category, sub-category and payment mode are attributes of order lines; state is one of the order.
 */
public record SalesFilter(String category, String subCategory, String state, String paymentMode) {

    public static final SalesFilter NONE = new SalesFilter(null, null, null, null);

    public SalesFilter {
        category = blankToNull(category);
        subCategory = blankToNull(subCategory);
        state = blankToNull(state);
        paymentMode = blankToNull(paymentMode);
    }

    /** The cube's line dimensions these filters name (see {@link CubePlan#CATEGORY} and friends). */
    public int lineDimensions() {
        int dims = 0;
        if (category != null) dims |= CubePlan.CATEGORY;
        if (subCategory != null) dims |= CubePlan.SUB_CATEGORY;
        if (paymentMode != null) dims |= CubePlan.PAYMENT_MODE;
        return dims;
    }

    public boolean isEmpty() {
        return category == null && subCategory == null && state == null && paymentMode == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
