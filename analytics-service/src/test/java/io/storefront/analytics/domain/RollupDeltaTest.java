package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void drainedPartsAddUpToTheWhole() {
        RollupDelta delta = new RollupDelta();
        delta.accept(line("A", "2024-03-05", "Books", "Novels", "UPI", 100));
        delta.accept(line("B", "2024-03-05", "Books", "Novels", "UPI", 1));
        RollupDelta first = delta.drain();
        assertEquals(13, first.size(), "order A: 6 dimension sets x 2 grains, and its product month; B is still open");
        assertEquals(0, delta.size());
        delta.accept(line("C", "2024-03-05", "Books", "Novels", "UPI", 10));
        delta.finish();
        CubeKey novels = new CubeKey("d", 3, LocalDate.parse("2024-03-05"), "Books", "Novels", "", "", "");
        assertEquals(1, first.cube().get(novels).orders);
        assertEquals(100, first.cube().get(novels).revenueCents);
        assertEquals(2, delta.cube().get(novels).orders, "B and C in the second part");
        assertEquals(11, delta.cube().get(novels).revenueCents);
    }
}
