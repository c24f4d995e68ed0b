package io.storefront.analytics.chart;

import io.storefront.analytics.domain.MonthlySales;
import io.storefront.analytics.domain.PaymentModeSales;
import io.storefront.analytics.domain.SalesMath;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Draws the sales charts with XChart. CPU-bound: call on a worker thread, never on the event loop. */
public final class SalesCharts {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private SalesCharts() {
    }

    public static RenderedChart monthlyTrend(List<MonthlySales> months, String currency, ChartFormat format) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title("Monthly sales").yAxisTitle(currency).build();
        ChartTheme.applyAxes(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(6);
        // long ranges: rotate month labels so they do not overlap
        chart.getStyler().setXAxisLabelRotation(months.size() > 12 ? 45 : 0);
        List<String> labels = months.stream().map(m -> m.month().format(MONTH)).toList();
        List<Double> revenue = months.stream().map(m -> m.revenueCents() / 100.0).toList();
        List<Double> profit = months.stream().map(m -> m.profitCents() / 100.0).toList();
        if (labels.isEmpty()) {
            labels = List.of("no sales");
            revenue = List.of(0.0);
            profit = List.of(0.0);
        }
        chart.addSeries("Revenue", labels, revenue);
        chart.addSeries("Profit", labels, profit);
        MonthlySales total = SalesMath.total(months);
        String alt = months.isEmpty() ? "Monthly sales: no sales in the selected range."
                : "Line chart of monthly revenue and profit from %s to %s; total revenue %s %s, total profit %s %s."
                        .formatted(labels.getFirst(), labels.getLast(), currency, money(total.revenueCents()),
                                currency, money(total.profitCents()));
        return encode("monthly-sales", "Monthly sales", alt, chart, format);
    }

    public static RenderedChart paymentModes(List<PaymentModeSales> modes, String currency, ChartFormat format) {
        return ViewCharts.donut("payment-modes", "Revenue by payment mode",
                modes.stream().map(PaymentModeSales::mode).toList(),
                modes.stream().map(m -> m.revenueCents() / 100.0).toList(), "revenue by payment mode", format);
    }

    static String money(long cents) {
        DecimalFormat format = new DecimalFormat(ChartTheme.THOUSANDS, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(Math.round(cents / 100.0));
    }

    static RenderedChart encode(String name, String title, String alt, Chart<?, ?> chart, ChartFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            switch (format) {
                case PNG -> out.write(FastPng.encode(BitmapEncoder.getBufferedImage(chart)));
                case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                case NONE -> throw new IllegalArgumentException("no chart format");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(name, title, alt, format.mediaType(), out.toByteArray());
    }
}
