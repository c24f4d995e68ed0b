package io.storefront.analytics.chart;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.Styler;

/** The one visual theme of every chart: fonts, colours, sizes, number formats. */
public final class ChartTheme {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;
    static final Color[] SERIES = {
            new Color(0x2563EB), new Color(0xF59E0B), new Color(0x10B981), new Color(0xEF4444),
            new Color(0x8B5CF6), new Color(0x06B6D4), new Color(0xEC4899), new Color(0x84CC16)};
    static final Color TEXT = new Color(0x1F2937);
    static final Color GRID = new Color(0xE5E7EB);
    /** DejaVu Sans ships with every image we build (fonts-dejavu-core); Java falls back to a logical font elsewhere. */
    static final String FAMILY = "DejaVu Sans";
    public static final String THOUSANDS = "#,##0";

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
     * would not fit side by side (about 7 px a character at 12 px in some 780 px of plot).
     */
    static void nameEveryBar(org.knowm.xchart.style.CategoryStyler styler, java.util.List<String> labels) {
        styler.setXAxisTickMarkSpacingHint(8);
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        styler.setXAxisLabelRotation(labels.size() * (longest * 7 + 12) > 780 ? 45 : 0);
    }
}
