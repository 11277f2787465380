package engawa.portal.officehours;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** The parts every office-hours event carries: the session (one date of a series) and the person. */
public final class SessionEventParts {

    private SessionEventParts() {
    }

    /**
     * @param id the session's id, as text (Zapier keeps ids as text)
     * @param host the first host's username; {@code hosts} all their names
     * @param sessionId the same id as a number, {@code hostIds} the hosts' and {@code titleJa} the Japanese
     *        title (or null), for listeners in the portal
     */
    public record SessionInfo(String id, String title, Instant startsAt, Instant endsAt, String timeZone, String location,
            String host, String hosts, String url, @JsonIgnore long sessionId, @JsonIgnore List<Long> hostIds,
            @JsonIgnore String titleJa) {

        public SessionInfo {
            hostIds = List.copyOf(hostIds);
        }

        static SessionInfo sample() {
            return new SessionInfo("412", "Automate your spreadsheets", Instant.parse("2026-12-03T05:00:00Z"),
                    Instant.parse("2026-12-03T06:00:00Z"), "Asia/Tokyo", "Room Sakura", "yuki", "Yuki Nakamura",
                    "https://engawa.example.com/office-hours/sessions/412", 412, List.of(), null);
        }
    }

    /** @param email empty when the person has none */
    public record Attendee(String username, String name, String email, @JsonIgnore long userId) {

        static Attendee sample() {
            return new Attendee("hana", "Hana Sato", "hana@example.com", 0);
        }
    }
}
