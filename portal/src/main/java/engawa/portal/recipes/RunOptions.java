package engawa.portal.recipes;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How a run is asked for.
 *
 * @param test a test run (owners only): marked {@code "test": true}, left out of the time saved
 * @param confirmed the person saw the owners' warnings about implausible answers and runs anyway
 * @param zone the person's time zone: what "today" is for relative defaults and date limits
 * @param language the language of the page the person runs it from; null: the one they chose in
 *        Engawa (English if none), as for a run through the API
 */
public record RunOptions(boolean test, boolean confirmed, ZoneId zone, Locale language) {

    public RunOptions {
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static RunOptions of(boolean test) {
        return new RunOptions(test, false, ZoneOffset.UTC, null);
    }
}
