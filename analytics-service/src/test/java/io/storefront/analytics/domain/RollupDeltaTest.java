package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.analytics.domain.RollupDelta.CubeKey;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupDeltaTest {

    private static OrderLine line(String order, String day, String category, String sub, String mode, long cents) {
        return new OrderLine(order, LocalDate.parse(day), "c", "c", "Goa", "Panaji", null, null, category, sub, 1, cents,
                cents / 10, mode);
    }

    @Test
    void anOrderCountsOncePerCellWhateverItsLines() {
        RollupDelta delta = new RollupDelta();
        // one order: two books lines (same sub-category, two payment modes) and a toy
        List.of(line("A", "2024-03-05", "Books", "Novels", "UPI", 100), line("A", "2024-03-05", "Books", "Novels", "COD", 50),
                line("A", "2024-03-05", "Toys", "Blocks", "UPI", 20), line("B", "2024-03-07", "Books", "Comics", "UPI", 10))
                .forEach(delta::accept);
        delta.finish();
        assertTrue(delta.usable());
        var cube = delta.cube();
        var books = cube.get(new CubeKey("m", 1, LocalDate.parse("2024-03-01"), "Books", "", "", "Goa", "Panaji"));
        assertEquals(2, books.orders, "A and B");
        assertEquals(160, books.revenueCents);
        assertEquals(3, books.lines);
        var novels = cube.get(new CubeKey("d", 3, LocalDate.parse("2024-03-05"), "Books", "Novels", "", "", ""));
        assertEquals(1, novels.orders, "A once, though paid two ways");
        var upi = cube.get(new CubeKey("d", 4, LocalDate.parse("2024-03-05"), "", "", "UPI", "", ""));
        assertEquals(1, upi.orders);
        assertEquals(120, upi.revenueCents);
        var whole = cube.get(new CubeKey("m", 0, LocalDate.parse("2024-03-01"), "", "", "", "Goa", "Panaji"));
        assertEquals(2, whole.orders);
        assertEquals(180, whole.revenueCents);
        var dayWhole = cube.get(new CubeKey("d", 0, LocalDate.parse("2024-03-07"), "", "", "", "Goa", "Panaji"));
        assertEquals(1, dayWhole.orders, "day rows of whole orders keep the place");
        // products: no ids or names, so category / sub-category
        var novelsProduct = delta.products().get(new RollupDelta.ProductKey(LocalDate.parse("2024-03-01"), "Books / Novels"));
        assertEquals(1, novelsProduct.orders);
        assertEquals(150, novelsProduct.revenueCents);
        assertEquals("Novels", novelsProduct.productName);
    }

    @Test
    void anOrderComingBackAfterAnotherMakesTheDeltaUnusable() {
        RollupDelta delta = new RollupDelta();
        List.of(line("A", "2024-03-05", "Books", "Novels", "UPI", 100), line("B", "2024-03-05", "Books", "Novels", "UPI", 1),
                line("A", "2024-03-05", "Toys", "Blocks", "UPI", 20)).forEach(delta::accept);
        delta.finish();
        assertFalse(delta.usable());
        assertTrue(delta.cube().isEmpty(), "nothing half-counted is kept");
    }

    @Test
    void theOrderSetGrowsWithoutLosingOrders() {
        RollupDelta.LongSet set = new RollupDelta.LongSet();
        for (long i = 0; i < 200_000; i++) assertTrue(set.add(i * 7919));
        for (long i = 0; i < 200_000; i++) assertFalse(set.add(i * 7919));
    }
}
