package engawa.portal.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an e-mail may go: at once, or when the recipient's quiet hours end (in their time zone;
 * hours that wrap midnight, 22:00 to 07:00, are what most people choose).
 */
record QuietHours(ZoneId zone, LocalTime from, LocalTime until) {

    static QuietHours none(ZoneId zone) {
        return new QuietHours(zone, null, null);
    }

    Instant nextSendable(Instant now) {
        if (from == null || until == null || from.equals(until)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(until);
        boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
