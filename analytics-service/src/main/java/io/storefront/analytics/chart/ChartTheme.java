package io.storefront.analytics.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import org.knowm.xchart.style.Styler;

/** The one visual theme of every chart: fonts, colours, sizes, number formats. */
public final class ChartTheme {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;
    /**
     * One colour per series, as many as the most groups a chart shows (eleven RFM segments, up to ten
     * clusters): with fewer, "At risk" took the colour of "Champions". The last four were picked for the
     * largest distance (CIELAB) to the first eight.
     */
    static final Color[] SERIES = {
            new Color(0x2563EB), new Color(0xF59E0B), new Color(0x10B981), new Color(0xEF4444),
            new Color(0x8B5CF6), new Color(0x06B6D4), new Color(0xEC4899), new Color(0x84CC16),
            new Color(0x0F172A), new Color(0x7C2D12), new Color(0x3F6212), new Color(0x6B7280)};
    static final Color TEXT = new Color(0x1F2937);
    static final Color GRID = new Color(0xE5E7EB);
    /** DejaVu Sans ships with every image we build (fonts-dejavu-core); Java falls back to a logical font elsewhere. */
    static final String FAMILY = "DejaVu Sans";
    public static final String THOUSANDS = "#,##0";
    /** The plot's width in a chart of {@link #WIDTH} with a y-axis of thousands, about. */
    static final double PLOT_WIDTH = 780;

    private ChartTheme() {
    }

    static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(TEXT);
        styler.setSeriesColors(SERIES);
        styler.setChartTitleFont(new Font(FAMILY, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendFont(new Font(FAMILY, Font.PLAIN, 13));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAntiAlias(true);
        styler.setChartPadding(16);
    }

    /** The theme for charts with axes: thousands separators, light horizontal grid, no tick marks. */
    static void applyAxes(org.knowm.xchart.style.AxesChartStyler styler) {
        apply(styler);
        styler.setYAxisDecimalPattern(THOUSANDS);
        styler.setAxisTickLabelsFont(new Font(FAMILY, Font.PLAIN, 12));
        styler.setAxisTitleFont(new Font(FAMILY, Font.PLAIN, 13));
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAxisTicksLineVisible(false);
    }

    /**
     * Vertical bars read one by one (profit per sub-category, customers per bin) name every bar: XChart
     * thins category labels by its tick-spacing hint, which left most bars unnamed. Labels slant when they
     * would not fit side by side (about 7 px a character at 12 px in some {@link #PLOT_WIDTH} px of plot).
     */
    static void nameEveryBar(org.knowm.xchart.style.CategoryStyler styler, java.util.List<String> labels) {
        styler.setXAxisTickMarkSpacingHint(8);
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        styler.setXAxisLabelRotation(labels.size() * (longest * 7 + 12) > PLOT_WIDTH ? 45 : 0);
    }

    /** Value labels inside bars: upright, on end, or none, whichever fits the narrowest bar. */
    enum BarLabels { UPRIGHT, ON_END, NONE }

    /**
     * Writes each bar's value in it when the text fits the bar's width: upright, else turned on end (24
     * monthly bars are 29 px wide, "24,149" 40 px), else not at all; the JSON has the figures.
     */
    static BarLabels labelBarsThatFit(org.knowm.xchart.style.CategoryStyler styler, java.util.List<? extends Number> values) {
        Font font = new Font(FAMILY, Font.PLAIN, 11);
        FontRenderContext context = new FontRenderContext(null, true, true);
        java.text.DecimalFormat format = new java.text.DecimalFormat(THOUSANDS);
        double widest = values.stream().mapToDouble(v -> font.getStringBounds(format.format(v), context).getWidth())
                .max().orElse(0);
        double barWidth = PLOT_WIDTH / Math.max(1, values.size()) * styler.getAvailableSpaceFill();
        BarLabels labels = widest + 4 <= barWidth ? BarLabels.UPRIGHT
                : font.getLineMetrics("0", context).getHeight() + 2 <= barWidth ? BarLabels.ON_END : BarLabels.NONE;
        styler.setLabelsFont(font);
        styler.setLabelsVisible(labels != BarLabels.NONE);
        styler.setLabelsRotation(labels == BarLabels.ON_END ? 90 : 0);
        return labels;
    }
}
