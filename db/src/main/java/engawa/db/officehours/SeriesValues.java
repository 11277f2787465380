package engawa.db.officehours;

import java.time.LocalDateTime;
import java.util.List;

/** What a host writes about a series, as stored. */
public record SeriesValues(String titleEn, String titleJa, String description, List<String> topics, SessionKind kind,
        Integer capacity, String room, String videoUrl, String timeZone, LocalDateTime firstStartLocal,
        int durationMinutes, String rrule, int reminderMinutes, List<String> recipeSlugs, List<String> serviceNames) {
}
