package io.storefront.analytics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Squarified treemap layout (Bruls, Huizing & van Wijk, "Squarified Treemaps", 2000): items sorted
 * by size are laid out in rows along the shorter side of the free space; an item joins the current
 * row while that does not worsen the row's worst aspect ratio, otherwise the row is fixed and a new
 * one starts in the space left. Areas are proportional to the values; non-positive values get none.
 */
public final class Treemap {

    public record Rect(double x, double y, double width, double height) {
        public double area() {
            return width * height;
        }

        /** Longer side over shorter side, 1 for a square. */
        public double aspect() {
            return Math.max(width / height, height / width);
        }
    }

    /** Where item {@code index} (of the input list) goes. */
    public record Cell(int index, Rect rect) {
    }

    private Treemap() {
    }

    public static List<Cell> layout(List<Double> values, Rect bounds) {
        List<Integer> order = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) > 0) {
                order.add(i);
                total += values.get(i);
            }
        }
        order.sort((a, b) -> Double.compare(values.get(b), values.get(a)));
        List<Cell> cells = new ArrayList<>();
        if (order.isEmpty() || bounds.area() <= 0) return cells;
        double scale = bounds.area() / total;
        List<Integer> row = new ArrayList<>();
        Rect free = bounds;
        int next = 0;
        while (next < order.size()) {
            int candidate = order.get(next);
            double side = Math.min(free.width(), free.height());
            List<Integer> extended = new ArrayList<>(row);
            extended.add(candidate);
            if (row.isEmpty() || worst(extended, values, scale, side) <= worst(row, values, scale, side)) {
                row = extended;
                next++;
            } else {
                free = placeRow(row, values, scale, free, cells);
                row = new ArrayList<>();
            }
        }
        placeRow(row, values, scale, free, cells);
        return cells;
    }

    /** The worst aspect ratio of a row laid along a side of length {@code side}. */
    static double worst(List<Integer> row, List<Double> values, double scale, double side) {
        double sum = 0, max = 0, min = Double.POSITIVE_INFINITY;
        for (int i : row) {
            double area = values.get(i) * scale;
            sum += area;
            max = Math.max(max, area);
            min = Math.min(min, area);
        }
        double s2 = sum * sum, w2 = side * side;
        return Math.max(w2 * max / s2, s2 / (w2 * min));
    }

    /** Lays a row along the shorter side of {@code free}; returns the space left. */
    private static Rect placeRow(List<Integer> row, List<Double> values, double scale, Rect free, List<Cell> cells) {
        double sum = 0;
        for (int i : row) sum += values.get(i) * scale;
        if (free.width() >= free.height()) {
            // a column at the left, as wide as the row's area over the height
            double width = sum / free.height();
            double y = free.y();
            for (int i : row) {
                double h = values.get(i) * scale / width;
                cells.add(new Cell(i, new Rect(free.x(), y, width, h)));
                y += h;
            }
            return new Rect(free.x() + width, free.y(), free.width() - width, free.height());
        }
        double height = sum / free.width();
        double x = free.x();
        for (int i : row) {
            double w = values.get(i) * scale / height;
            cells.add(new Cell(i, new Rect(x, free.y(), w, height)));
            x += w;
        }
        return new Rect(free.x(), free.y() + height, free.width(), free.height() - height);
    }
}
