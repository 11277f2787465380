package engawa.portal.slo.ui;

import engawa.db.slo.Bucket;
import engawa.portal.slo.SloStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two charts of an SLO, drawn on the server as SVG: the error budget left over the window
 * (burn-down) and the burn rate per stretch of it, with the line at 1 (spending exactly the budget).
 * Plain SVG rather than a charting library: two line charts need no fonts on the server, the
 * browser draws the text in the reader's language, and each chart carries its own title and
 * description for screen readers.
 */
final class SloCharts {

    static final int WIDTH = 560;
    static final int HEIGHT = 200;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    private SloCharts() {
    }

    /** Labels in the reader's language. */
    record Words(String title, String description, String yUnit, String noData) {
    }

    /**
     * The budget left after each stretch: 100% minus the bad events so far over the window's
     * budget as of now; drawn down to 0 (an overspent budget stays on the zero line, in red).
     */
    static String burnDown(List<Bucket> buckets, SloStatus status, ZoneId zone, Words words) {
        List<double[]> points = new ArrayList<>();
        BigDecimal budget = status.budgetEvents();
        if (budget.signum() > 0) {
            long bad = 0;
            points.add(new double[] {status.window().from().toEpochMilli(), 100});
            for (Bucket b : buckets) {
                bad += b.counts().bad();
                double left = BigDecimal.ONE.subtract(BigDecimal.valueOf(bad).divide(budget, MathContext.DECIMAL64))
                        .movePointRight(2).doubleValue();
                points.add(new double[] {b.end().toEpochMilli(), Math.max(0, left)});
            }
        }
        return chart(points, status, zone, words, 0, 100, List.of(50.0, 25.0), "slo-chart-burn-down", true);
    }

    /** The burn rate of each stretch, with 1 (the budget lasts exactly the window) marked. */
    static String burnRate(List<Bucket> buckets, SloStatus status, ZoneId zone, Words words) {
        List<double[]> points = new ArrayList<>();
        BigDecimal allowed = BigDecimal.ONE.subtract(status.objective());
        double max = 2;
        for (Bucket b : buckets) {
            if (b.counts().total() == 0) {
                continue;
            }
            double rate = BigDecimal.valueOf(b.counts().bad())
                    .divide(allowed.multiply(BigDecimal.valueOf(b.counts().total())), MathContext.DECIMAL64).doubleValue();
            points.add(new double[] {b.end().toEpochMilli(), rate});
            max = Math.max(max, rate);
        }
        double top = niceCeiling(max * 1.1);
        return chart(points, status, zone, words, 0, top, List.of(1.0), "slo-chart-burn-rate", false);
    }

    private static String chart(List<double[]> points, SloStatus status, ZoneId zone, Words words, double yMin, double yMax,
            List<Double> marks, String id, boolean area) {
        double x0 = status.window().from().toEpochMilli();
        double x1 = status.window().calendarMonth() ? status.window().monthEnd().toEpochMilli() : status.window().to().toEpochMilli();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" class=\"slo-chart\" id=\"").append(id).append("\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\">");
        // shown as an image: the styles travel inside it
        svg.append("<style>text{font:11px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#4a5568}")
                .append(".grid{stroke:#e2e8f0;stroke-width:1}.mark{stroke:#c53030;stroke-width:1;stroke-dasharray:4 3}")
                .append(".line{fill:none;stroke:#1a56db;stroke-width:2}.area{fill:#1a56db;fill-opacity:.12}")
                .append(".empty{font-size:13px}</style>");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(words.title())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(words.description())).append("</desc>");
        // horizontal grid and its labels
        for (int i = 0; i <= 4; i++) {
            double value = yMin + (yMax - yMin) * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(label(value)).append(escape(words.yUnit())).append("</text>");
        }
        for (double mark : marks) {
            if (mark > yMin && mark < yMax) {
                double y = TOP + plotH - plotH * (mark - yMin) / (yMax - yMin);
                svg.append("<line class=\"mark\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                        .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
            }
        }
        // date labels: start, middle and end of the window
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(zone);
        DateTimeFormatter dayJa = DateTimeFormatter.ofPattern("M/d").withZone(zone);
        boolean ja = SloWords.locale().getLanguage().equals("ja");
        for (int i = 0; i <= 2; i++) {
            double t = x0 + (x1 - x0) * i / 2;
            double x = LEFT + plotW * i / 2.0;
            String anchor = i == 0 ? "start" : i == 2 ? "end" : "middle";
            svg.append("<text class=\"axis\" x=\"").append(f(x)).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"").append(anchor).append("\">")
                    .append((ja ? dayJa : day).format(Instant.ofEpochMilli((long) t))).append("</text>");
        }
        if (points.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" text-anchor=\"middle\">").append(escape(words.noData())).append("</text>");
        } else {
            StringBuilder path = new StringBuilder();
            for (double[] p : points) {
                double x = LEFT + plotW * Math.min(1, Math.max(0, (p[0] - x0) / (x1 - x0)));
                double y = TOP + plotH - plotH * (Math.min(yMax, Math.max(yMin, p[1])) - yMin) / (yMax - yMin);
                path.append(path.isEmpty() ? "M" : "L").append(f(x)).append(',').append(f(y));
            }
            if (area) {
                double lastX = LEFT + plotW * Math.min(1, Math.max(0, (points.getLast()[0] - x0) / (x1 - x0)));
                double firstX = LEFT + plotW * Math.min(1, Math.max(0, (points.getFirst()[0] - x0) / (x1 - x0)));
                svg.append("<path class=\"area\" d=\"").append(path).append("L").append(f(lastX)).append(',')
                        .append(TOP + plotH).append("L").append(f(firstX)).append(',').append(TOP + plotH).append("Z\"/>");
            }
            svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    static double niceCeiling(double value) {
        double[] steps = {2, 4, 5, 8, 10, 15, 20, 30, 40, 50, 100, 200, 500, 1000};
        for (double s : steps) {
            if (value <= s) {
                return s;
            }
        }
        return Math.ceil(value / 1000) * 1000;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
