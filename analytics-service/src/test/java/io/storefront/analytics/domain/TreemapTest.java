package io.storefront.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.analytics.domain.Treemap.Cell;
import io.storefront.analytics.domain.Treemap.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreemapTest {

    /** The example of Bruls, Huizing & van Wijk (2000): a 6 × 4 rectangle and areas 6, 6, 4, 3, 2, 2, 1. */
    @Test
    void thePapersExampleIsLaidOutWithSquarishCells() {
        List<Double> values = List.of(6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0);
        Rect bounds = new Rect(0, 0, 6, 4);
        List<Cell> cells = Treemap.layout(values, bounds);
        assertEquals(7, cells.size());
        for (Cell c : cells) {
            assertEquals(values.get(c.index()), c.rect().area(), 1e-9, "area is the value");
            assertTrue(c.rect().x() >= -1e-9 && c.rect().y() >= -1e-9);
            assertTrue(c.rect().x() + c.rect().width() <= 6 + 1e-9 && c.rect().y() + c.rect().height() <= 4 + 1e-9);
        }
        // the paper's layout: first row is the two 6s stacked at the left (3 x 2 each, aspect 1.5)
        assertEquals(new Rect(0, 0, 3, 2), cells.get(0).rect());
        assertEquals(new Rect(0, 2, 3, 2), cells.get(1).rect());
        double worst = cells.stream().mapToDouble(c -> c.rect().aspect()).max().orElseThrow();
        assertTrue(worst < 3, "squarified: worst aspect " + worst);
        assertNoOverlap(cells);
    }

    @Test
    void skewedValuesStillTileTheWholeRectangle() {
        List<Double> values = List.of(500.0, 1.0, 80.0, 0.0, -3.0, 33.0, 7.0, 7.0, 120.0);
        Rect bounds = new Rect(10, 20, 900, 480);
        List<Cell> cells = Treemap.layout(values, bounds);
        assertEquals(7, cells.size(), "zero and negative values get no cell");
        double total = values.stream().mapToDouble(v -> Math.max(0, v)).sum();
        double covered = cells.stream().mapToDouble(c -> c.rect().area()).sum();
        assertEquals(bounds.area(), covered, 1e-6);
        for (Cell c : cells) assertEquals(values.get(c.index()) / total * bounds.area(), c.rect().area(), 1e-6);
        assertNoOverlap(cells);
    }

    @Test
    void nothingToShowGivesNoCells() {
        assertTrue(Treemap.layout(List.of(), new Rect(0, 0, 1, 1)).isEmpty());
        assertTrue(Treemap.layout(List.of(0.0), new Rect(0, 0, 1, 1)).isEmpty());
    }

    private static void assertNoOverlap(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                Rect a = cells.get(i).rect(), b = cells.get(j).rect();
                double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
                assertFalse(w > 1e-6 && h > 1e-6, "cells " + i + " and " + j + " overlap");
            }
        }
    }
}
