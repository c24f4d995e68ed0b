package io.storefront.analytics.chart;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.storefront.analytics.domain.Treemap;
import io.storefront.analytics.domain.Treemap.Rect;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-level treemap drawn with Java2D in the chart theme (XChart has none): area is revenue,
 * colour is margin on a diverging scale (red losses, white break-even, blue gains), groups outlined.
 */
public final class TreemapChart {

    /** One leaf: its group (a category), its name, revenue and margin. */
    public record Leaf(String group, String name, double revenue, double margin) {
    }

    private static final int TITLE = 48, LEGEND = 44, PAD = 16;
    private static final Color LOSS = new Color(0xDC2626), GAIN = new Color(0x1D4ED8);
    /** The colour scale saturates at ±40 % margin. */
    private static final double MARGIN_SPAN = 0.4;

    private TreemapChart() {
    }

    public static RenderedChart draw(String name, String title, List<Leaf> leaves, String currency, ChartFormat format) {
        int width = ChartTheme.WIDTH, height = 560;
        String alt = alt(title, leaves, currency);
        return switch (format) {
            case PNG -> {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                paint(g, width, height, title, leaves);
                g.dispose();
                yield new RenderedChart(name, title, alt, format.mediaType(), FastPng.encode(image));
            }
            case SVG -> {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, width, height, title, leaves);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                try {
                    Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield new RenderedChart(name, title, alt, format.mediaType(), out.toByteArray());
            }
            case NONE -> throw new IllegalArgumentException("no chart format");
        };
    }

    static void paint(Graphics2D g, int width, int height, String title, List<Leaf> leaves) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(ChartTheme.TEXT);
        g.setFont(new Font(ChartTheme.FAMILY, Font.BOLD, 18));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (width - fm.stringWidth(title)) / 2, PAD + fm.getAscent());
        Rect area = new Rect(PAD, TITLE, width - 2 * PAD, height - TITLE - LEGEND - PAD);
        List<String> groups = new ArrayList<>();
        leaves.forEach(l -> { if (!groups.contains(l.group())) groups.add(l.group()); });
        List<Double> groupRevenue = groups.stream()
                .map(gr -> leaves.stream().filter(l -> l.group().equals(gr)).mapToDouble(l -> Math.max(0, l.revenue())).sum())
                .toList();
        if (groupRevenue.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            g.setFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 14));
            g.drawString("no sales in the selection", (int) area.x() + 8, (int) area.y() + 24);
            return;
        }
        for (Treemap.Cell groupCell : Treemap.layout(groupRevenue, area)) {
            String group = groups.get(groupCell.index());
            List<Leaf> members = leaves.stream().filter(l -> l.group().equals(group)).toList();
            Rect r = groupCell.rect();
            boolean nested = members.size() > 1 || !members.getFirst().name().equals(group);
            Rect inner = nested ? new Rect(r.x() + 2, r.y() + 18, r.width() - 4, r.height() - 20) : r;
            for (Treemap.Cell leafCell : Treemap.layout(members.stream().map(Leaf::revenue).toList(), inner)) {
                Leaf leaf = members.get(leafCell.index());
                Rect c = leafCell.rect();
                g.setColor(colour(leaf.margin()));
                g.fill(new Rectangle2D.Double(c.x(), c.y(), c.width(), c.height()));
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle2D.Double(c.x(), c.y(), c.width(), c.height()));
                label(g, c, leaf.name(), "%.0f%% margin".formatted(100 * leaf.margin()), leaf.margin());
            }
            g.setColor(ChartTheme.TEXT);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
            if (nested && r.width() > 40) {
                g.setFont(new Font(ChartTheme.FAMILY, Font.BOLD, 12));
                g.drawString(fit(g, group, r.width() - 8), (float) r.x() + 4, (float) r.y() + 13);
            }
        }
        legend(g, width, height);
    }

    /** Name and margin inside a cell when they fit; dark text on light cells, white on dark. */
    private static void label(Graphics2D g, Rect c, String name, String detail, double margin) {
        if (c.width() < 46 || c.height() < 22) return;
        g.setColor(Math.abs(margin) > MARGIN_SPAN * 0.55 ? Color.WHITE : ChartTheme.TEXT);
        g.setFont(new Font(ChartTheme.FAMILY, Font.BOLD, 12));
        g.drawString(fit(g, name, c.width() - 8), (float) c.x() + 4, (float) c.y() + 15);
        if (c.height() >= 38) {
            g.setFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 11));
            g.drawString(fit(g, detail, c.width() - 8), (float) c.x() + 4, (float) c.y() + 30);
        }
    }

    private static String fit(Graphics2D g, String text, double width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
        return t.length() <= 1 ? "" : t + "…";
    }

    private static void legend(Graphics2D g, int width, int height) {
        int barWidth = 260, x = (width - barWidth) / 2, y = height - LEGEND + 8;
        g.setPaint(new GradientPaint(x, 0, LOSS, x + barWidth / 2f, 0, Color.WHITE));
        g.fillRect(x, y, barWidth / 2, 10);
        g.setPaint(new GradientPaint(x + barWidth / 2f, 0, Color.WHITE, x + barWidth, 0, GAIN));
        g.fillRect(x + barWidth / 2, y, barWidth / 2, 10);
        g.setColor(ChartTheme.TEXT);
        g.setFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 11));
        g.drawString("−40% margin", x - 80, y + 10);
        g.drawString("+40%", x + barWidth + 8, y + 10);
        g.drawString("area = revenue, colour = margin", x + 40, y + 26);
    }

    static Color colour(double margin) {
        double t = Math.max(-1, Math.min(1, margin / MARGIN_SPAN));
        Color end = t < 0 ? LOSS : GAIN;
        double k = Math.abs(t);
        return new Color((int) Math.round(255 + (end.getRed() - 255) * k), (int) Math.round(255 + (end.getGreen() - 255) * k),
                (int) Math.round(255 + (end.getBlue() - 255) * k));
    }

    private static String alt(String title, List<Leaf> leaves, String currency) {
        if (leaves.isEmpty()) return title + ": no sales in the selection.";
        List<Leaf> sorted = new ArrayList<>(leaves);
        sorted.sort((a, b) -> Double.compare(b.revenue(), a.revenue()));
        List<String> parts = new ArrayList<>();
        for (Leaf l : sorted.subList(0, Math.min(5, sorted.size()))) {
            parts.add("%s %s %s (%.0f%% margin)".formatted(l.name(), currency, SalesCharts.money(Math.round(l.revenue() * 100)),
                    100 * l.margin()));
        }
        long losses = leaves.stream().filter(l -> l.margin() < 0).count();
        return "Treemap of revenue by %s, coloured by margin; largest: %s; %d making a loss.".formatted(
                title.toLowerCase(java.util.Locale.ROOT).replace("revenue by ", ""), String.join(", ", parts), losses);
    }
}
