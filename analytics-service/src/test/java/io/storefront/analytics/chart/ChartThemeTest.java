package io.storefront.analytics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.analytics.domain.customer.BehaviourClusters;
import io.storefront.analytics.domain.customer.Rfm;
import java.awt.Color;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    @Test
    void valuesStandUprightInWideBars() {
        CategoryStyler styler = styler();
        assertEquals(ChartTheme.BarLabels.UPRIGHT, ChartTheme.labelBarsThatFit(styler, List.of(549, 96, 110, 124, 99, 189, 233)));
        assertTrue(styler.isLabelsVisible());
        assertEquals(0, styler.getLabelsRotation());
    }

    /** Two years of average order values: "24,149" is wider than a 29 px bar, so it is turned on end. */
    @Test
    void valuesTurnOnEndInNarrowBars() {
        CategoryStyler styler = styler();
        assertEquals(ChartTheme.BarLabels.ON_END, ChartTheme.labelBarsThatFit(styler, Collections.nCopies(24, 24_149.37)));
        assertTrue(styler.isLabelsVisible());
        assertEquals(90, styler.getLabelsRotation());
    }

    @Test
    void valuesAreLeftOutWhereNoBarHoldsThem() {
        CategoryStyler styler = styler();
        assertEquals(ChartTheme.BarLabels.NONE, ChartTheme.labelBarsThatFit(styler, Collections.nCopies(72, 24_149.37)));
        assertFalse(styler.isLabelsVisible());
    }

    /** A legend names groups by colour, so no two groups of the largest grouping may share one or look alike. */
    @Test
    void everyGroupOfTheLargestGroupingHasItsOwnColour() {
        int most = Math.max(Rfm.SEGMENTS.size(), BehaviourClusters.MAX_K);
        assertTrue(ChartTheme.SERIES.length >= most, ChartTheme.SERIES.length + " colours for " + most + " groups");
        for (int i = 0; i < most; i++) {
            for (int j = i + 1; j < most; j++) {
                double distance = deltaE(ChartTheme.SERIES[i], ChartTheme.SERIES[j]);
                assertTrue(distance >= 20, "colours " + i + " and " + j + " are " + distance + " apart (CIE76)");
            }
        }
    }

    private static CategoryStyler styler() {
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT).build();
        return chart.getStyler();
    }

    private static double deltaE(Color a, Color b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    /** sRGB to CIELAB under D65. */
    private static double[] lab(Color colour) {
        double r = linear(colour.getRed()), g = linear(colour.getGreen()), b = linear(colour.getBlue());
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
