package engawa.portal.officehours;

import engawa.portal.shared.SafeMarkdown;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a host submits in the session form or the API. The rules of each value are here; those of
 * several values (seats for a seated session, a place to meet, the end after the start, the
 * recurrence) are {@link SessionRules}'.
 *
 * @param start the first session's start, wall-clock time in {@code timeZone}
 * @param end its end, the same day or the next
 * @param kind {@code drop-in} or {@code seated}
 * @param recurrence an RRULE ({@code FREQ=WEEKLY;INTERVAL=2;COUNT=6}), blank for a single session
 * @param hosts usernames; empty means the person saving
 */
public record SessionDraft(
        @NotBlank(message = "officeHours.title.required") @Size(max = TITLE_MAX_LENGTH, message = "officeHours.tooLong")
        String title,
        @Size(max = TITLE_MAX_LENGTH, message = "officeHours.tooLong")
        String titleJa,
        @Size(max = SafeMarkdown.MAX_LENGTH, message = "officeHours.tooLong")
        String description,
        @Size(max = MAX_TOPICS, message = "officeHours.tooMany")
        List<@Size(max = TOPIC_MAX_LENGTH, message = "officeHours.tooLong") String> topics,
        List<String> hosts,
        String kind, Integer capacity,
        @Size(max = ROOM_MAX_LENGTH, message = "officeHours.tooLong")
        String room,
        @Size(max = URL_MAX_LENGTH, message = "officeHours.tooLong")
        String videoUrl,
        String timeZone,
        @NotNull(message = "officeHours.start.required")
        LocalDateTime start,
        @NotNull(message = "officeHours.end.required")
        LocalDateTime end,
        String recurrence,
        @Min(value = 0, message = "officeHours.reminder.range") @Max(value = MAX_REMINDER_MINUTES, message = "officeHours.reminder.range")
        Integer reminderMinutes,
        @Size(max = MAX_LINKS, message = "officeHours.tooMany")
        List<@Size(max = NAME_MAX_LENGTH, message = "officeHours.tooLong") String> recipes,
        @Size(max = MAX_LINKS, message = "officeHours.tooMany")
        List<@Size(max = NAME_MAX_LENGTH, message = "officeHours.tooLong") String> services) {

    public static final int TITLE_MAX_LENGTH = 160;
    public static final int ROOM_MAX_LENGTH = 200;
    public static final int URL_MAX_LENGTH = 500;
    public static final int MAX_TOPICS = 10;
    public static final int TOPIC_MAX_LENGTH = 40;
    public static final int MAX_LINKS = 20;
    /** A recipe's or a service's short name. */
    public static final int NAME_MAX_LENGTH = 63;
    public static final int MAX_CAPACITY = 10_000;
    /** A week. */
    public static final int MAX_REMINDER_MINUTES = 7 * 24 * 60;

    /** Texts trimmed (an empty one is absent), lists never null and without empty entries. */
    public SessionDraft {
        title = trim(title);
        titleJa = trim(titleJa);
        description = trim(description);
        room = trim(room);
        videoUrl = trim(videoUrl);
        topics = clean(topics);
        hosts = clean(hosts);
        recipes = clean(recipes);
        services = clean(services);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(SessionDraft::trim).filter(v -> v != null).toList();
    }
}
