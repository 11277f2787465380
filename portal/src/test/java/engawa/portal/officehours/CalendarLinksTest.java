package engawa.portal.officehours;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SeriesValues;
import engawa.db.officehours.SessionKind;
import engawa.db.officehours.SessionRow;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CalendarLinksTest {

    private static final String HERE = "https://engawa.example.com/office-hours/sessions/7";

    private static Session session(String description, String room, String videoUrl) {
        SeriesValues values = new SeriesValues("Automate your inbox & calendar", "受信箱を自動化", description, List.of("Zapier"),
                SessionKind.DROP_IN, null, room, videoUrl, "Asia/Tokyo", LocalDateTime.of(2026, 12, 8, 14, 0), 90, null, 60,
                List.of(), List.of());
        SeriesRow series = new SeriesRow(3, "uid@engawa", values, 0, null, null, 1L, Instant.EPOCH, Instant.EPOCH, List.of());
        SessionRow row = new SessionRow(7, 3, LocalDateTime.of(2026, 12, 8, 14, 0), Instant.parse("2026-12-08T05:00:00Z"),
                Instant.parse("2026-12-08T06:30:00Z"), false, null, 0);
        return new Session(row, series, 0, null, 0, false, false);
    }

    private static Map<String, String> query(String link) {
        return Arrays.stream(URI.create(link).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void google_opens_the_event_filled_in_with_utc_times_the_room_and_a_way_back() {
        Map<String, String> q = query(CalendarLinks.google(session("Bring a chore.", "Room Sakura", null), false, HERE));
        assertThat(q).containsEntry("action", "TEMPLATE").containsEntry("text", "Automate your inbox & calendar")
                .containsEntry("dates", "20261208T050000Z/20261208T063000Z").containsEntry("location", "Room Sakura");
        assertThat(q.get("details")).startsWith("Bring a chore.").endsWith(HERE);
    }

    @Test
    void outlook_gets_the_japanese_title_and_the_call_when_there_is_no_room() {
        Map<String, String> q = query(CalendarLinks.outlook(session(null, null, "https://meet.example.com/abc"), true, HERE));
        assertThat(q).containsEntry("subject", "受信箱を自動化").containsEntry("startdt", "2026-12-08T05:00:00Z")
                .containsEntry("enddt", "2026-12-08T06:30:00Z").containsEntry("location", "https://meet.example.com/abc");
        assertThat(q.get("body")).isEqualTo("https://meet.example.com/abc\n\n" + HERE);
    }

    @Test
    void a_long_description_is_cut_so_the_address_stays_short_enough_for_calendars() {
        String link = CalendarLinks.google(session("x".repeat(5_000), "Room Sakura", null), false, HERE);
        assertThat(query(link).get("details")).hasSizeLessThan(CalendarLinks.MAX_DETAILS + HERE.length() + 10);
        assertThat(link).hasSizeLessThan(2_000);
    }
}
