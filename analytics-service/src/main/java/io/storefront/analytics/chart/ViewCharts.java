package io.storefront.analytics.chart;

import io.storefront.analytics.domain.Forecast;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.Styler;

/**
 * Charts of the sales views, in the theme of {@link ChartTheme}. CPU-bound: call on a worker thread.
 * Every chart comes with alt text that states what it shows in numbers.
 */
public final class ViewCharts {

    /** Rankings longer than this show their top entries; the JSON has them all. */
    static final int MAX_BARS = 20;
    private static final Color LOSS = new Color(0xDC2626);
    private static final Color PREVIOUS = new Color(0x9CA3AF);
    private static final Color BAND = new Color(0x93C5FD);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ViewCharts() {
    }

    /** A period's label: "Mar 2024" for months, "4 Mar 2024" for days and week starts. */
    public static String label(LocalDate period, boolean monthly) {
        return period.format(DateTimeFormatter.ofPattern(monthly ? "MMM yyyy" : "d MMM yyyy", Locale.ENGLISH));
    }

    /**
     * Revenue over time with last year's revenue for the same periods (dashed grey) and, when given,
     * the forecast with its 95 % prediction interval as a shaded band.
     */
    public static RenderedChart salesTrend(boolean monthly, List<LocalDate> periods, List<Double> revenue,
                                           List<Double> previousYear, List<LocalDate> forecastPeriods,
                                           List<Forecast.Point> forecast, String currency, ChartFormat format) {
        XYChart chart = new XYChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title("Revenue trend").yAxisTitle(currency).build();
        ChartTheme.applyAxes(chart.getStyler());
        chart.getStyler().setDatePattern(monthly ? "MMM yyyy" : "d MMM yy");
        chart.getStyler().setTimezone(UTC);
        chart.getStyler().setXAxisLabelRotation(periods.size() + forecastPeriods.size() > 12 ? 45 : 0);
        chart.getStyler().setMarkerSize(periods.size() > 60 ? 0 : 5);
        if (periods.isEmpty()) {
            chart.addSeries("no sales", List.of(date(LocalDate.now())), List.of(0.0));
            return SalesCharts.encode("sales-trend", "Revenue trend", "Revenue trend: no sales in the selected range.",
                    chart, format);
        }
        if (!forecast.isEmpty()) {
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            // the band starts at the last actual value so that it joins the line
            x.add(date(periods.getLast()));
            y.add(revenue.getLast());
            for (int i = 0; i < forecast.size(); i++) {
                x.add(date(forecastPeriods.get(i)));
                y.add(Math.max(0, forecast.get(i).upper()));
            }
            for (int i = forecast.size() - 1; i >= 0; i--) {
                x.add(date(forecastPeriods.get(i)));
                y.add(Math.max(0, forecast.get(i).lower()));
            }
            XYSeries band = chart.addSeries("95% prediction interval", x, y);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(BAND);
            band.setLineColor(BAND);
            band.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        List<Date> x = periods.stream().map(ViewCharts::date).toList();
        XYSeries actual = chart.addSeries("Revenue", x, revenue);
        actual.setLineColor(ChartTheme.SERIES[0]);
        actual.setMarkerColor(ChartTheme.SERIES[0]);
        List<Date> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (previousYear.get(i) != null) {
                px.add(x.get(i));
                py.add(previousYear.get(i));
            }
        }
        if (!px.isEmpty()) {
            XYSeries previous = chart.addSeries("Previous year", px, py);
            previous.setLineColor(PREVIOUS);
            previous.setMarkerColor(PREVIOUS);
            previous.setLineStyle(dashed());
        }
        if (!forecast.isEmpty()) {
            List<Date> fx = new ArrayList<>(List.of(date(periods.getLast())));
            List<Double> fy = new ArrayList<>(List.of(revenue.getLast()));
            for (int i = 0; i < forecast.size(); i++) {
                fx.add(date(forecastPeriods.get(i)));
                fy.add(Math.max(0, forecast.get(i).value()));
            }
            XYSeries predicted = chart.addSeries("Forecast", fx, fy);
            predicted.setLineColor(ChartTheme.SERIES[0]);
            predicted.setMarkerColor(ChartTheme.SERIES[0]);
            predicted.setLineStyle(dashed());
        }
        double total = revenue.stream().mapToDouble(Double::doubleValue).sum();
        String alt = "Line chart of revenue from %s to %s, total %s %s%s%s.".formatted(
                label(periods.getFirst(), monthly), label(periods.getLast(), monthly), currency, whole(total),
                px.isEmpty() ? "" : ", with the same periods a year earlier",
                forecast.isEmpty() ? "" : "; forecast for %s: %s %s (95%% interval %s to %s)".formatted(
                        label(forecastPeriods.getLast(), true), currency, whole(forecast.getLast().value()),
                        whole(Math.max(0, forecast.getLast().lower())), whole(forecast.getLast().upper())));
        return SalesCharts.encode("sales-trend", "Revenue trend", alt, chart, format);
    }

    /** Orders per period: bars for up to three years of months, an area over time beyond that. */
    public static RenderedChart orderVolume(boolean monthly, List<LocalDate> periods, List<Long> orders, ChartFormat format) {
        long total = orders.stream().mapToLong(Long::longValue).sum();
        String alt = periods.isEmpty() ? "Order volume: no orders in the selected range."
                : "Chart of orders per %s from %s to %s, %s orders in all.".formatted(monthly ? "month" : "period",
                        label(periods.getFirst(), monthly), label(periods.getLast(), monthly), whole(total));
        if (monthly && periods.size() <= 36) {
            CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                    .title("Order volume").yAxisTitle("orders").build();
            ChartTheme.applyAxes(chart.getStyler());
            chart.getStyler().setXAxisLabelRotation(periods.size() > 12 ? 45 : 0);
            chart.getStyler().setAvailableSpaceFill(0.7);
            chart.getStyler().setLegendVisible(false);
            if (periods.isEmpty()) {
                chart.addSeries("Orders", List.of("no sales"), List.of(0));
            } else {
                chart.addSeries("Orders", periods.stream().map(p -> label(p, true)).toList(), orders);
            }
            return SalesCharts.encode("order-volume", "Order volume", alt, chart, format);
        }
        XYChart chart = new XYChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title("Order volume").yAxisTitle("orders").build();
        ChartTheme.applyAxes(chart.getStyler());
        chart.getStyler().setDatePattern(monthly ? "MMM yyyy" : "d MMM yy");
        chart.getStyler().setTimezone(UTC);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendVisible(false);
        XYSeries series = chart.addSeries("Orders", periods.stream().map(ViewCharts::date).toList(), orders);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        return SalesCharts.encode("order-volume", "Order volume", alt, chart, format);
    }

    /** Shares of a whole as a donut; {@code what} names the measure in the alt text. */
    public static RenderedChart donut(String name, String title, List<String> labels, List<Double> values, String what,
                                      ChartFormat format) {
        PieChart chart = new PieChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT).title(title).build();
        ChartTheme.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(PieSeries.PieSeriesRenderStyle.Donut);
        chart.getStyler().setDonutThickness(0.38);
        chart.getStyler().setLabelType(PieStyler.LabelType.Percentage);
        chart.getStyler().setLabelsFont(new Font(ChartTheme.FAMILY, Font.BOLD, 13));
        chart.getStyler().setLabelsDistance(0.82);
        chart.getStyler().setForceAllLabelsVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            chart.addSeries("no sales", 1);
        } else {
            for (int i = 0; i < labels.size(); i++) chart.addSeries(labels.get(i), values.get(i));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size() && total > 0; i++) {
            parts.add("%s %.1f%%".formatted(labels.get(i), 100 * values.get(i) / total));
        }
        String alt = total == 0 ? title + ": no sales in the selected range."
                : "Donut chart of " + what + ": " + String.join(", ", parts) + ".";
        return SalesCharts.encode(name, title, alt, chart, format);
    }

    /** A ranking as horizontal bars, largest first, at most {@value #MAX_BARS} of them. */
    public static RenderedChart ranking(String name, String title, List<String> labels, List<Double> values,
                                        String axisTitle, ChartFormat format) {
        int n = Math.min(MAX_BARS, labels.size());
        HorizontalBarChart chart = new HorizontalBarChartBuilder().width(ChartTheme.WIDTH)
                .height(Math.max(ChartTheme.HEIGHT, 120 + 26 * n)).title(title).xAxisTitle(axisTitle).build();
        ChartTheme.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern(ChartTheme.THOUSANDS);
        chart.getStyler().setAxisTickLabelsFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 12));
        chart.getStyler().setPlotGridLinesColor(ChartTheme.GRID);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksLineVisible(false);
        // every bar gets its name: XChart spaces category labels by the X hint (74 px), bars are 26 px apart
        chart.getStyler().setXAxisTickMarkSpacingHint(20);
        if (n == 0) {
            chart.addSeries(axisTitle, List.of(0), List.of("no sales"));
            return SalesCharts.encode(name, title, title + ": no sales in the selected range.", chart, format);
        }
        // XChart 4 draws the first category at the top, so the largest (first) leads the ranking
        chart.addSeries(axisTitle, new ArrayList<>(values.subList(0, n)), new ArrayList<>(labels.subList(0, n)));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(5, n); i++) parts.add(labels.get(i) + " " + whole(values.get(i)));
        String alt = "Horizontal bar chart of %s by %s, %s shown of %d; largest: %s.".formatted(
                axisTitle, title.toLowerCase(Locale.ROOT), n == labels.size() ? "all" : "top " + n, labels.size(),
                String.join(", ", parts));
        return SalesCharts.encode(name, title, alt, chart, format);
    }

    /** Profit per group as bars: gains in the theme's colour, losses in red below zero. */
    public static RenderedChart profitBars(String name, String title, List<String> labels, List<Double> profit,
                                           String currency, ChartFormat format) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title(title).yAxisTitle(currency).build();
        ChartTheme.applyAxes(chart.getStyler());
        chart.getStyler().setStacked(true);
        ChartTheme.nameEveryBar(chart.getStyler(), labels);
        chart.getStyler().setSeriesColors(new Color[] {ChartTheme.SERIES[2], LOSS});
        if (labels.isEmpty()) {
            chart.addSeries("Profit", List.of("no sales"), List.of(0));
            return SalesCharts.encode(name, title, title + ": no sales in the selected range.", chart, format);
        }
        List<Double> gains = profit.stream().map(p -> Math.max(0, p)).toList();
        List<Double> losses = profit.stream().map(p -> Math.min(0, p)).toList();
        chart.addSeries("Profit", labels, gains);
        chart.addSeries("Loss", labels, losses);
        List<String> lossMaking = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) if (profit.get(i) < 0) lossMaking.add(labels.get(i));
        String alt = "Bar chart of profit for %d groups, total %s %s; %s.".formatted(labels.size(), currency,
                whole(profit.stream().mapToDouble(Double::doubleValue).sum()),
                lossMaking.isEmpty() ? "none makes a loss" : "loss-making: " + String.join(", ", lossMaking));
        return SalesCharts.encode(name, title, alt, chart, format);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static String whole(double amount) {
        return SalesCharts.money(Math.round(amount * 100));
    }

}
