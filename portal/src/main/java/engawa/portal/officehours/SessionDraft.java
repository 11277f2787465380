package engawa.portal.officehours;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a host submits in the session form or the API.
 *
 * @param start the first session's start, wall-clock time in {@code timeZone}
 * @param end its end, the same day or the next
 * @param kind {@code drop-in} or {@code seated}
 * @param recurrence an RRULE ({@code FREQ=WEEKLY;INTERVAL=2;COUNT=6}), blank for a single session
 * @param hosts usernames; empty means the person saving
 */
public record SessionDraft(String title, String titleJa, String description, List<String> topics, List<String> hosts,
        String kind, Integer capacity, String room, String videoUrl, String timeZone, LocalDateTime start,
        LocalDateTime end, String recurrence, Integer reminderMinutes, List<String> recipes, List<String> services) {

    public SessionDraft {
        topics = topics == null ? List.of() : topics;
        hosts = hosts == null ? List.of() : hosts;
        recipes = recipes == null ? List.of() : recipes;
        services = services == null ? List.of() : services;
    }
}
