package org.mianzheng.core.supervision;

import java.math.BigDecimal;
import java.util.List;
import org.mianzheng.api.Ratio;

/** Inline SVG bar charts, without script or external reference. */
final class Svg {
    private static final int WIDTH = 600;
    private static final int LABEL = 170;
    private static final int BAR = 300;
    private static final int ROW = 24;
    private static final int TOP = 8;

    private Svg() {
    }

    /**
     * One bar: a label and one value per series.
     *
     * @param label  the label
     * @param values the values
     */
    record Row(String label, long[] values) {
        Row {
            values = values.clone();
        }

        long total() {
            long t = 0;
            for (long v : values) {
                t += v;
            }
            return t;
        }
    }

    /**
     * One percentage bar.
     *
     * @param label the label
     * @param ratio the share
     * @param note  text after the value, possibly empty
     */
    record PercentRow(String label, Ratio ratio, String note) {
    }

    private static void open(StringBuilder s, int height, String title) {
        s.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" style=\"width:100%;height:auto\" role=\"img\" aria-label=\"").append(ReportHtml.esc(title)).append("\" font-size=\"12\">\n");
    }

    private static String empty() {
        return "<svg width=\"" + WIDTH + "\" height=\"30\" viewBox=\"0 0 " + WIDTH + " 30\" role=\"img\" aria-label=\"no data\" font-size=\"12\">"
                + "<text x=\"0\" y=\"20\" fill=\"#7a8694\">无数据 no data</text></svg>\n";
    }

    /**
     * Horizontal stacked bars, scaled to the largest total, with a legend of the series that occur.
     *
     * @param rows   the bars
     * @param series series names
     * @param colors series colours
     * @return the SVG element
     */
    static String stacked(List<Row> rows, String[] series, String[] colors) {
        if (rows.isEmpty()) {
            return empty();
        }
        long max = 1;
        boolean[] used = new boolean[series.length];
        for (Row r : rows) {
            max = Math.max(max, r.total());
            for (int i = 0; i < r.values().length && i < series.length; i++) {
                used[i] |= r.values()[i] > 0;
            }
        }
        int legendRows = 0;
        StringBuilder legend = new StringBuilder();
        int lx = 0;
        int ly = 12;
        for (int i = 0; i < series.length; i++) {
            if (!used[i]) {
                continue;
            }
            int w = 26 + width(series[i]);
            if (lx + w > WIDTH) {
                lx = 0;
                ly += 18;
            }
            legend.append("<rect x=\"").append(lx).append("\" y=\"").append(ly - 10).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colors[i % colors.length]).append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(ly).append("\">")
                    .append(ReportHtml.esc(series[i])).append("</text>\n");
            lx += w;
            legendRows = (ly - 12) / 18 + 1;
        }
        int top = TOP + legendRows * 18 + 6;
        int height = top + rows.size() * ROW + 6;
        StringBuilder s = new StringBuilder();
        open(s, height, "chart");
        s.append(legend);
        int y = top;
        for (Row r : rows) {
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(ReportHtml.esc(fit(r.label(), LABEL - 8))).append("</text>\n");
            double x = LABEL;
            for (int i = 0; i < r.values().length && i < series.length; i++) {
                long v = r.values()[i];
                if (v == 0) {
                    continue;
                }
                double w = BAR * (double) v / max;
                s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(Math.max(w, 1)))
                        .append("\" height=\"").append(ROW - 8).append("\" fill=\"").append(colors[i % colors.length]).append("\"><title>")
                        .append(ReportHtml.esc(r.label() + " · " + series[i] + ": " + v)).append("</title></rect>\n");
                x += w;
            }
            s.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 15).append("\" fill=\"#333\">").append(r.total())
                    .append("</text>\n");
            y += ROW;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * Horizontal percentage bars on a 0–100 % scale, with the value and its counts.
     *
     * @param rows  the bars
     * @param color the bar colour
     * @return the SVG element
     */
    static String percent(List<PercentRow> rows, String color) {
        if (rows.isEmpty()) {
            return empty();
        }
        int top = TOP + 14;
        int height = top + 6;
        for (PercentRow r : rows) {
            height += r.note().isEmpty() ? ROW : ROW + 14;
        }
        StringBuilder s = new StringBuilder();
        open(s, height, "chart");
        for (int p = 0; p <= 100; p += 25) {
            double x = LABEL + BAR * p / 100.0;
            s.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(top - 2).append("\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(height - 4).append("\" stroke=\"#dde2e7\"/><text x=\"").append(fmt(x - 8)).append("\" y=\"").append(top - 6)
                    .append("\" fill=\"#7a8694\" font-size=\"10\">").append(p).append("%</text>\n");
        }
        int y = top;
        for (PercentRow r : rows) {
            BigDecimal pct = r.ratio().percent();
            double w = pct == null ? 0 : BAR * pct.doubleValue() / 100.0;
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(ReportHtml.esc(fit(r.label(), LABEL - 8))).append("</text>\n");
            s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(BAR).append("\" height=\"")
                    .append(ROW - 8).append("\" fill=\"#eef1f4\"/>\n");
            s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w)).append("\" height=\"")
                    .append(ROW - 8).append("\" fill=\"").append(color).append("\"><title>").append(ReportHtml.esc(r.label() + ": " + r.ratio()))
                    .append("</title></rect>\n");
            String text = (pct == null ? "-" : pct.toPlainString() + "%") + " (" + r.ratio().numerator() + "/" + r.ratio().denominator() + ")";
            s.append("<text x=\"").append(LABEL + BAR + 6).append("\" y=\"").append(y + 15).append("\" fill=\"#333\" font-size=\"11\">")
                    .append(ReportHtml.esc(text)).append("</text>\n");
            y += ROW;
            if (!r.note().isEmpty()) {
                s.append("<text x=\"").append(LABEL).append("\" y=\"").append(y + 6).append("\" fill=\"#5a6675\" font-size=\"10\">")
                        .append(ReportHtml.esc(r.note())).append("</text>\n");
                y += 14;
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Estimated width in pixels at 12 px: wide (CJK) characters 12 px, others 7 px. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) >= 0x2E80 ? 12 : 7;
        }
        return w;
    }

    /** The text, cut with an ellipsis to fit the width (the full text stays in the bar's tooltip). */
    static String fit(String text, int px) {
        if (width(text) <= px) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int w = 12;
        for (int i = 0; i < text.length(); i++) {
            int cw = text.charAt(i) >= 0x2E80 ? 12 : 7;
            if (w + cw > px) {
                break;
            }
            b.append(text.charAt(i));
            w += cw;
        }
        return b.append('…').toString();
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}
