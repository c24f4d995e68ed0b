package io.storefront.analytics.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of the customer views, in the theme of {@link ChartTheme}. CPU-bound: call on a worker thread. */
public final class CustomerCharts {

    /**
     * A scatter shows at most this many points (an even sample; at 900×480 more only overplot, and each
     * costs drawing time); the JSON has the figures of all.
     */
    public static final int MAX_POINTS = 2_000;
    /** Group names up to this long (RFM segments) are listed beside a scatter, longer ones below it. */
    static final int LEGEND_BESIDE_MAX_CHARS = 20;
    static final int LEGEND_ROW_PX = 22;

    private CustomerCharts() {
    }

    /** Counts per bin or group as vertical bars. */
    public static RenderedChart bars(String name, String title, String yTitle, List<String> labels, List<? extends Number> values,
                                     ChartFormat format) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title(title).yAxisTitle(yTitle).build();
        ChartTheme.applyAxes(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        ChartTheme.labelBarsThatFit(chart.getStyler(), values);
        ChartTheme.nameEveryBar(chart.getStyler(), labels);
        double total = values.stream().mapToDouble(Number::doubleValue).sum();
        if (labels.isEmpty() || total == 0) {
            chart.addSeries(yTitle, List.of("no customers"), List.of(0));
            return SalesCharts.encode(name, title, title + ": no customers in the selection.", chart, format);
        }
        chart.addSeries(yTitle, labels, values);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            parts.add("%s %s".formatted(labels.get(i), SalesCharts.money(Math.round(values.get(i).doubleValue() * 100))));
        }
        return SalesCharts.encode(name, title, "Bar chart of " + title.toLowerCase(Locale.ROOT) + ": "
                + String.join(", ", parts) + ".", chart, format);
    }

    /**
     * Customers as points, days since the last order against spend (log scale), one colour per group.
     * {@code group[i]} indexes {@code groupNames}.
     */
    public static RenderedChart scatter(String name, String title, long[] recencyDays, long[] spendCents, int[] group,
                                        List<String> groupNames, String currency, ChartFormat format) {
        // long group names ("Recent, frequent, high-spending customers") beside the plot left it half the width
        boolean legendBelow = groupNames.stream().mapToInt(String::length).max().orElse(0) > LEGEND_BESIDE_MAX_CHARS;
        XYChart chart = new XYChartBuilder().width(ChartTheme.WIDTH)
                .height(ChartTheme.HEIGHT + (legendBelow ? LEGEND_ROW_PX * groupNames.size() : 0)).title(title)
                .xAxisTitle("days since last order").yAxisTitle("spend (" + currency + ", log scale)").build();
        ChartTheme.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern(ChartTheme.THOUSANDS);
        chart.getStyler().setXAxisDecimalPattern(ChartTheme.THOUSANDS);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setPlotGridLinesColor(ChartTheme.GRID);
        chart.getStyler().setAxisTickLabelsFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 12));
        chart.getStyler().setLegendPosition(legendBelow ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        int n = recencyDays.length;
        if (n == 0) {
            chart.addSeries("no customers", new double[] {0}, new double[] {1});
            return SalesCharts.encode(name, title, title + ": no customers in the selection.", chart, format);
        }
        int stride = Math.max(1, (int) Math.ceil(n / (double) MAX_POINTS));
        List<List<Double>> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int g = 0; g < groupNames.size(); g++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i += stride) {
            xs.get(group[i]).add((double) recencyDays[i]);
            ys.get(group[i]).add(Math.max(1, spendCents[i] / 100.0));
        }
        for (int g = 0; g < groupNames.size(); g++) {
            if (xs.get(g).isEmpty()) continue;
            XYSeries s = chart.addSeries(groupNames.get(g), xs.get(g), ys.get(g));
            s.setMarker(SeriesMarkers.CIRCLE);
            Color colour = ChartTheme.SERIES[g % ChartTheme.SERIES.length];
            s.setMarkerColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        }
        String alt = "Scatter chart of %,d customers%s: days since their last order against what they spent, coloured by %s."
                .formatted(n, stride > 1 ? " (every " + stride + "th shown)" : "", title.toLowerCase(Locale.ROOT));
        return SalesCharts.encode(name, title, alt, chart, format);
    }

    /** A cohort matrix as a heatmap: rows are first-order months, columns months since, values retention %. */
    public static RenderedChart heatmap(String name, String title, List<String> rows, int columns, Double[][] percent,
                                        ChartFormat format) {
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartTheme.WIDTH)
                .height(Math.max(ChartTheme.HEIGHT, 140 + 24 * rows.size())).title(title)
                .xAxisTitle("months since first order").yAxisTitle("first order in").build();
        ChartTheme.apply(chart.getStyler());
        chart.getStyler().setShowValue(columns <= 13);
        chart.getStyler().setValueFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 10));
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(100);
        chart.getStyler().setRangeColors(new Color[] {new Color(0xEFF6FF), new Color(0x93C5FD), new Color(0x1D4ED8)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setAxisTickLabelsFont(new Font(ChartTheme.FAMILY, Font.PLAIN, 11));
        if (rows.isEmpty()) {
            chart.addSeries("retention %", List.of("0"), List.of("none"), List.<Number[]>of(new Number[] {0, 0, 0}));
            return SalesCharts.encode(name, title, title + ": no customers in the selection.", chart, format);
        }
        List<Integer> x = new ArrayList<>();
        for (int c = 0; c < columns; c++) x.add(c);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                if (percent[r][c] != null) cells.add(new Number[] {c, r, percent[r][c]});
            }
        }
        chart.addSeries("retention %", x, rows, cells);
        double month1 = 0;
        int counted = 0;
        for (Double[] row : percent) {
            if (columns > 1 && row[1] != null) {
                month1 += row[1];
                counted++;
            }
        }
        String alt = "Heatmap of monthly cohort retention for %d cohorts from %s to %s%s.".formatted(rows.size(),
                rows.getFirst(), rows.getLast(), counted == 0 ? ""
                        : "; on average %.1f%% of a cohort ordered again the month after its first order".formatted(month1 / counted));
        return SalesCharts.encode(name, title, alt, chart, format);
    }
}
