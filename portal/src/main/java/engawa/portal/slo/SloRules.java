package engawa.portal.slo;

import engawa.db.slo.SloValues;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.Validation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an SLO must be to be saved: every problem at once, each under its field. */
public final class SloRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The database keeps 8 decimals of the ratio: 99.999999% at most. */
    static final int PERCENT_DECIMALS = 6;

    private SloRules() {
    }

    public static SloValues check(SloDraft draft) {
        List<FieldProblem> problems = new ArrayList<>(Validation.problems(draft));
        BigDecimal objective = null;
        BigDecimal percent = draft.objectivePercent();
        if (percent != null && percent.signum() > 0 && percent.compareTo(HUNDRED) < 0) {
            if (percent.stripTrailingZeros().scale() > PERCENT_DECIMALS) {
                problems.add(new FieldProblem("objectivePercent", "slo.objective.precision"));
            } else {
                objective = percent.movePointLeft(2).stripTrailingZeros();
            }
        }
        Integer days = null;
        String zone = null;
        String window = draft.window();
        if (window != null) {
            switch (window.toLowerCase(Locale.ROOT)) {
                case "7d", "1w" -> days = 7;
                case "28d", "4w" -> days = 28;
                case "30d" -> days = 30;
                case "month", "1m" -> zone = zone(draft.timeZone(), problems);
                default -> problems.add(new FieldProblem("window", "slo.window.unknown", window));
            }
        }
        String good = draft.goodQuery();
        String total = draft.totalQuery();
        if ((good == null) != (total == null)) {
            problems.add(new FieldProblem(good == null ? "goodQuery" : "totalQuery", "slo.query.paired"));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        return new SloValues(draft.name(), draft.displayName(), draft.description(), draft.goodMeans(), objective, days, zone,
                good, total);
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
