package io.storefront.analytics.rest;

import io.storefront.analytics.repository.ChangeFeedRepository.ChangedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of the order-line change feed. Every line of an order comes in the same page with the
 * order's {@code changeSeq}; when an order comes again later, its new lines replace all earlier ones.
 * Ask again with {@code after=cursor} until {@code hasMore} is false; keep the cursor to resume.
 */
public record OrderLineChangesResponse(String cursor, boolean hasMore, List<Line> lines) {

    public record Line(long changeSeq, String orderId, LocalDate orderDate, String customerKey, String state,
                       String city, String productId, String productName, String category, String subCategory,
                       int quantity, BigDecimal amount, BigDecimal profit, String paymentMode) {
    }

    /** {@code lines} hold up to {@code limit + 1} orders; the extra one only says that more exist. */
    static OrderLineChangesResponse page(long after, int limit, List<ChangedLine> lines) {
        List<ChangedLine> page = new java.util.ArrayList<>();
        long orders = 0;
        long last = -1;
        for (ChangedLine l : lines) {
            if (l.changeSeq() != last) {
                orders++;
                last = l.changeSeq();
            }
            if (orders > limit) break;
            page.add(l);
        }
        boolean hasMore = orders > limit;
        String cursor = String.valueOf(page.isEmpty() ? after : page.getLast().changeSeq());
        return new OrderLineChangesResponse(cursor, hasMore, page.stream().map(l -> new Line(l.changeSeq(), l.orderId(),
                l.orderDate(), l.customerKey(), l.state(), l.city(), l.productId(), l.productName(), l.category(),
                l.subCategory(), l.quantity(), BigDecimal.valueOf(l.amountCents(), 2), BigDecimal.valueOf(l.profitCents(), 2),
                l.paymentMode())).toList());
    }
}
