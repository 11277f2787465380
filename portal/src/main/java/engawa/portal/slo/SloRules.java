package engawa.portal.slo;

import engawa.db.slo.SloValues;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an SLO must be to be saved: every problem at once, each under its field. */
public final class SloRules {

    /** OpenSLO's metadata.name: a DNS label (RFC 1123). */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The database keeps 8 decimals of the ratio: 99.999999% at most. */
    static final int PERCENT_DECIMALS = 6;

    private SloRules() {
    }

    public static SloValues check(SloDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = trim(draft.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "slo.name.required"));
        } else if (name.length() > 63 || !NAME.matcher(name).matches()) {
            problems.add(new FieldProblem("name", "slo.name.format"));
        }
        String displayName = trim(draft.displayName());
        if (displayName != null && displayName.length() > 200) {
            problems.add(new FieldProblem("displayName", "slo.displayName.long"));
        }
        String description = trim(draft.description());
        if (description != null && description.length() > 2000) {
            problems.add(new FieldProblem("description", "slo.description.long"));
        }
        String goodMeans = trim(draft.goodMeans());
        if (goodMeans == null) {
            problems.add(new FieldProblem("goodMeans", "slo.goodMeans.required"));
        } else if (goodMeans.length() > 500) {
            problems.add(new FieldProblem("goodMeans", "slo.goodMeans.long"));
        }
        BigDecimal objective = null;
        BigDecimal percent = draft.objectivePercent();
        if (percent == null) {
            problems.add(new FieldProblem("objectivePercent", "slo.objective.required"));
        } else if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
            problems.add(new FieldProblem("objectivePercent", "slo.objective.range"));
        } else if (percent.stripTrailingZeros().scale() > PERCENT_DECIMALS) {
            problems.add(new FieldProblem("objectivePercent", "slo.objective.precision"));
        } else {
            objective = percent.movePointLeft(2).stripTrailingZeros();
        }
        Integer days = null;
        String zone = null;
        String window = trim(draft.window());
        if (window == null) {
            problems.add(new FieldProblem("window", "slo.window.required"));
        } else {
            switch (window.toLowerCase(Locale.ROOT)) {
                case "7d", "1w" -> days = 7;
                case "28d", "4w" -> days = 28;
                case "30d" -> days = 30;
                case "month", "1m" -> zone = zone(draft.timeZone(), problems);
                default -> problems.add(new FieldProblem("window", "slo.window.unknown", window));
            }
        }
        String good = trim(draft.goodQuery());
        String total = trim(draft.totalQuery());
        if ((good == null) != (total == null)) {
            problems.add(new FieldProblem(good == null ? "goodQuery" : "totalQuery", "slo.query.paired"));
        }
        if (good != null && good.length() > 2000) {
            problems.add(new FieldProblem("goodQuery", "slo.query.long"));
        }
        if (total != null && total.length() > 2000) {
            problems.add(new FieldProblem("totalQuery", "slo.query.long"));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        return new SloValues(name, displayName, description, goodMeans, objective, days, zone, good, total);
    }

    private static String zone(String given, List<FieldProblem> problems) {
        String zone = trim(given);
        if (zone == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "slo.timeZone.unknown", zone));
            return null;
        }
    }

    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The window as the API and OpenSLO files write it. */
    public static String windowKey(SloValues values) {
        return values.calendarMonth() ? "month" : values.windowDays() + "d";
    }

    /** The objective as a percent, e.g. 99.9. */
    public static BigDecimal percent(BigDecimal objective) {
        return plain(objective.movePointRight(2));
    }

    /** Without trailing zeros and never in exponent form: 90, not 9E+1 (JSON and messages show it). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
