package io.storefront.analytics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storefront.analytics.domain.customer.Rfm;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CustomerChartsTest {

    /** Cluster descriptions are long: listed beside the plot they took half its width, so they go below it. */
    @Test
    void longGroupNamesAreListedBelowTheScatter() throws Exception {
        List<String> clusters = List.of("Recent, frequent, high-spending customers", "Lapsed, one-time, low-spending customers");
        assertEquals(ChartTheme.HEIGHT + 2 * CustomerCharts.LEGEND_ROW_PX, height(scatter(clusters)));
        assertEquals(ChartTheme.HEIGHT, height(scatter(Rfm.SEGMENTS)), "segment names fit beside it");
    }

    private static RenderedChart scatter(List<String> groups) {
        int n = 40;
        long[] recency = new long[n], spend = new long[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            recency[i] = 10L * i;
            spend[i] = 100_000L * (i + 1);
            group[i] = i % groups.size();
        }
        return CustomerCharts.scatter("clusters", "Behaviour clusters", recency, spend, group, groups, "INR", ChartFormat.PNG);
    }

    private static int height(RenderedChart chart) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.bytes()));
        return image.getHeight();
    }
}
