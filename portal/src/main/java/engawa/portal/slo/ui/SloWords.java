package engawa.portal.slo.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import engawa.db.slo.SloValues;
import engawa.portal.slo.SloRules;
import engawa.portal.catalog.SloState;
import engawa.portal.catalog.ui.SloStateBadge;
import engawa.portal.slo.SloStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** How SLO numbers read in the reader's language: states, windows, time left, percentages. */
public final class SloWords {

    private SloWords() {
    }

    public static String state(Component on, SloState state) {
        return SloStateBadge.words(on, state);
    }

    public static Span stateBadge(Component on, SloState state) {
        return SloStateBadge.of(on, state);
    }

    /** "this month", "the last 30 days". */
    public static String window(Component on, SloValues slo) {
        return slo.calendarMonth() ? on.getTranslation("slo.window.month")
                : on.getTranslation("slo.window.rolling", slo.windowDays());
    }

    public static String objective(Component on, SloValues slo) {
        return percent(SloRules.percent(slo.objective()), 6);
    }

    /** The two largest units: "1 day 17 hours", "21 minutes" / "1日17時間", "21分". */
    public static String duration(Component on, Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return hours > 0 ? on.getTranslation("slo.duration.daysHours", days, hours) : on.getTranslation("slo.duration.days", days);
        }
        if (hours > 0) {
            return minutes > 0 ? on.getTranslation("slo.duration.hoursMinutes", hours, minutes)
                    : on.getTranslation("slo.duration.hours", hours);
        }
        if (minutes > 0) {
            return on.getTranslation("slo.duration.minutes", minutes);
        }
        return on.getTranslation("slo.duration.seconds", d.toSecondsPart());
    }

    /** The headline: what a non-engineer needs in one sentence. */
    public static String sentence(Component on, String title, SloValues slo, SloStatus status) {
        String window = window(on, slo);
        if (!status.hasData()) {
            return on.getTranslation("slo.sentence.noData", title, window);
        }
        return switch (status.state()) {
            case SPENT -> on.getTranslation("slo.sentence.spent", title, window);
            case BURNING_FAST -> status.exhaustedIn() != null
                    ? on.getTranslation("slo.sentence.burning", title, duration(on, status.exhaustedIn()))
                    : on.getTranslation("slo.sentence.burningPlain", title);
            // when the budget is running out, when it will be gone belongs in the first sentence
            default -> status.state() == SloState.AT_RISK && status.exhaustedIn() != null
                    ? on.getTranslation("slo.sentence.leftRunsOut", duration(on, status.remainingTime()), window,
                            percent(status.remainingPercent(), 1), duration(on, status.exhaustedIn()))
                    : on.getTranslation("slo.sentence.left", duration(on, status.remainingTime()), window,
                            percent(status.remainingPercent(), 1));
        };
    }

    /** What the state asks of people: the team, and everyone else; "at risk" says which of its two reasons holds. */
    public static String advice(Component on, SloStatus status) {
        if (status.state() == SloState.AT_RISK) {
            String left = percent(status.remainingPercent(), 1);
            return on.getTranslation(status.littleLeft() ? "slo.advice.atRisk.little" : "slo.advice.atRisk.fast", left);
        }
        return on.getTranslation("slo.advice." + status.state().textKey());
    }

    /**
     * Why the SLO is in its state, in numbers a person can check: the alarm going off and its two
     * windows, the little budget left, or for a healthy one how far the last hour is from an alarm.
     * This is what explains a change ("Healthy again: the last hour burned 0.4x").
     */
    public static java.util.Optional<String> why(Component on, SloStatus status) {
        if (!status.hasData() || status.state() == SloState.SPENT) {
            return java.util.Optional.empty();
        }
        var firing = status.firing();
        if (firing.isPresent()) {
            var f = firing.get();
            return java.util.Optional.of(on.getTranslation("slo.why.firing", duration(on, f.longer().length),
                    number(f.longerRate(), 1), duration(on, f.shorter().length), number(f.shorterRate(), 1),
                    number(f.limit(), 1)));
        }
        if (status.littleLeft()) {
            return java.util.Optional.of(on.getTranslation("slo.why.little", percent(status.remainingPercent(), 1)));
        }
        BigDecimal hour = status.burnRates().get(engawa.portal.slo.BurnWindow.H1);
        return java.util.Optional.of(hour == null || hour.signum() == 0 ? on.getTranslation("slo.why.healthyNoHour")
                : on.getTranslation("slo.why.healthy", number(hour, 2), number(engawa.portal.slo.AlertLevel.pageLimit(), 1)));
    }

    /** A percentage as people read it: at most {@code decimals} places, rounded down, no trailing zeros. */
    public static String percent(BigDecimal value, int decimals) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(value) + "%";
    }

    public static String number(BigDecimal value, int decimals) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
