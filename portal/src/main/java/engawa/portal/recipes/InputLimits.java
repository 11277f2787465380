package engawa.portal.recipes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What an answer may plausibly be, as a recipe's owners set it per field: a range for numbers,
 * a window around today for dates. Outside it the run is refused, or, where the owners chose
 * {@code warn}, the person is asked to confirm ("This date is in the past. Run anyway?").
 *
 * @param min for numbers: the smallest plausible answer
 * @param max for numbers: the largest plausible answer
 * @param earliestInDays for dates: days from today (0: not in the past; -7: at most a week ago)
 * @param latestInDays for dates: days from today (30: within a month)
 * @param whenOutside {@code refuse} (when left out) or {@code warn}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputLimits(BigDecimal min, BigDecimal max, Integer earliestInDays, Integer latestInDays,
        String whenOutside) {

    /** Ten years either way: enough for any deadline, and no date arithmetic that overflows. */
    public static final int MAX_DAYS = 3650;
    public static final String REFUSE = "refuse";
    public static final String WARN = "warn";

    public static InputLimits notInThePast(String whenOutside) {
        return new InputLimits(null, null, 0, null, whenOutside);
    }

    public static InputLimits between(BigDecimal min, BigDecimal max, String whenOutside) {
        return new InputLimits(min, max, null, null, whenOutside);
    }

    public boolean warnOnly() {
        return WARN.equals(whenOutside);
    }

    boolean forNumbers() {
        return min != null || max != null;
    }

    boolean forDates() {
        return earliestInDays != null || latestInDays != null;
    }
}
