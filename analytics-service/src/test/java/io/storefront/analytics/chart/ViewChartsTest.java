package io.storefront.analytics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ViewChartsTest {

    /**
     * A ranking is read bar by bar; XChart thins category labels by default, which left two bars in three
     * unnamed. Counts the bands of text left of the bars: one per label drawn.
     */
    @Test
    void everyBarOfARankingIsLabelled() throws Exception {
        List<String> states = new ArrayList<>();
        List<Double> revenue = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            states.add("State " + (char) ('A' + i));
            revenue.add(1_000_000.0 - 40_000 * i);
        }
        RenderedChart chart = ViewCharts.ranking("regions", "Revenue by state", states, revenue, "revenue (INR)", ChartFormat.PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.bytes()));
        assertEquals(20, textBands(image, 4, 60));
        int[] rows = barRows(image);
        assertTrue(barLength(image, rows[0]) > barLength(image, rows[rows.length - 1]), "the largest is on top");
    }

    /** The rows crossing a bar (in the theme's first series colour, a saturated blue). */
    private static int[] barRows(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getHeight()).filter(y -> barLength(image, y) > 0).toArray();
    }

    private static int barLength(BufferedImage image, int y) {
        int length = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y);
            if (((rgb >> 16) & 0xff) < 80 && (rgb & 0xff) > 200) length++;
        }
        return length;
    }

    /** Runs of rows holding a dark pixel between columns {@code from} and {@code to}. */
    private static int textBands(BufferedImage image, int from, int to) {
        int bands = 0;
        boolean inBand = false;
        for (int y = 0; y < image.getHeight(); y++) {
            boolean ink = false;
            for (int x = from; x < to && !ink; x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                ink = luminance < 140;
            }
            if (ink && !inBand) bands++;
            inBand = ink;
        }
        return bands;
    }

    /**
     * VectorGraphics2D writes each text as a group of paths placed by {@code translate(x y)}; the x labels are
     * the groups in the band between the plot and the legend, one per label drawn.
     */
    @Test
    void everyBarOfAProfitChartIsNamed() {
        List<String> subCategories = new ArrayList<>();
        List<Double> profit = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            subCategories.add("Sub-category " + (char) ('A' + i));
            profit.add(i == 3 ? -5_000.0 : 10_000.0 * (i + 1));
        }
        RenderedChart chart = ViewCharts.profitBars("profit", "Profit by sub-category", subCategories, profit, "INR", ChartFormat.SVG);
        String svg = new String(chart.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        long labels = java.util.regex.Pattern.compile("<g transform=\"translate\\(([-0-9.]+) ([-0-9.]+)\\)\"").matcher(svg).results()
                .mapToDouble(m -> Double.parseDouble(m.group(2)))
                .filter(y -> y > 0.78 * ChartTheme.HEIGHT && y < 0.93 * ChartTheme.HEIGHT)
                .count();
        assertEquals(23, labels, "one label a bar");
    }
}
