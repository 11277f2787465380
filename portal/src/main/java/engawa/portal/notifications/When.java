package engawa.portal.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as a sentence says it, in both languages, in the zone of what it is about (a session's). */
final class When {

    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("M月d日(E) HH:mm", Locale.JAPANESE);

    private When() {
    }

    static Text at(Instant instant, String zone) {
        ZoneId id = ZoneId.of(zone);
        return new Text(ENGLISH.format(instant.atZone(id)) + " (" + zone + ")", JAPANESE.format(instant.atZone(id)) + "（" + zone + "）");
    }
}
