package io.storefront.analytics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.storefront.testsupport.Images;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesChartsTest {

    @Test
    void monthlyTrendIsARealPngWithAltText() {
        List<MonthlySales> months = List.of(
                new MonthlySales(YearMonth.of(2018, 1), 6_120_000, 500_000, 400, 41),
                new MonthlySales(YearMonth.of(2018, 2), 4_500_000, -120_000, 300, 33),
                new MonthlySales(YearMonth.of(2018, 3), 7_950_000, 900_000, 520, 50));
        RenderedChart chart = SalesCharts.monthlyTrend(months, "INR", ChartFormat.PNG);
        assertEquals("image/png", chart.mediaType());
        var image = Images.assertRealChart(chart.bytes(), ChartTheme.WIDTH);
        assertEquals(ChartTheme.HEIGHT, image.getHeight());
        assertTrue(chart.alt().contains("Jan 2018 to Mar 2018"), chart.alt());
        assertTrue(chart.alt().contains("INR 185,700"), chart.alt());
    }

    @Test
    void paymentDonutNamesEveryShare() {
        RenderedChart chart = SalesCharts.paymentModes(List.of(
                new PaymentModeSales("COD", 750_00, 3), new PaymentModeSales("UPI", 250_00, 1)), "INR", ChartFormat.PNG);
        Images.assertRealChart(chart.bytes(), ChartTheme.WIDTH);
        assertTrue(chart.alt().contains("COD 75.0%") && chart.alt().contains("UPI 25.0%"), chart.alt());
    }

    @Test
    void svgChartsAreVectorDocumentsWithTheirText() {
        RenderedChart chart = SalesCharts.paymentModes(List.of(new PaymentModeSales("COD", 750_00, 3)), "INR", ChartFormat.SVG);
        assertEquals("image/svg+xml", chart.mediaType());
        String svg = new String(chart.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void emptyDataStillDrawsAnHonestChart() throws java.io.IOException {
        RenderedChart trend = SalesCharts.monthlyTrend(List.of(), "INR", ChartFormat.PNG);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(trend.bytes()));
        assertEquals(ChartTheme.WIDTH, image.getWidth());
        assertTrue(trend.alt().contains("no sales"));
        assertTrue(SalesCharts.paymentModes(List.of(), "INR", ChartFormat.PNG).alt().contains("no sales"));
    }
}
