package engawa.portal.officehours;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * "Add to Google Calendar" and "Add to Outlook" as web links that open the calendar with the event
 * filled in (title, times, place, a link back to the session); Apple Calendar and everything else
 * take the .ics file. The event's text says where to sign up, because such a link adds the event
 * without telling the hosts.
 */
public final class CalendarLinks {

    private static final DateTimeFormatter GOOGLE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The event's text is cut here: long descriptions make addresses that calendars refuse. */
    static final int MAX_DETAILS = 600;

    private CalendarLinks() {
    }

    /** Google Calendar's event template link. */
    public static String google(Session session, boolean japanese, String sessionUrl) {
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
                + "&text=" + encode(session.title(japanese))
                + "&dates=" + GOOGLE.format(session.startsAt()) + "/" + GOOGLE.format(session.endsAt())
                + "&details=" + encode(details(session, sessionUrl))
                + place(session, "&location=");
    }

    /** Outlook on the web (work or school accounts): the compose deep link. */
    public static String outlook(Session session, boolean japanese, String sessionUrl) {
        return "https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
                + "&subject=" + encode(session.title(japanese))
                + "&startdt=" + encode(iso(session.startsAt())) + "&enddt=" + encode(iso(session.endsAt()))
                + "&body=" + encode(details(session, sessionUrl))
                + place(session, "&location=");
    }

    private static String details(Session session, String sessionUrl) {
        String description = session.series().values().description();
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DETAILS) {
            text = text.substring(0, MAX_DETAILS) + "…";
        }
        String call = session.series().values().videoUrl();
        return (text.isEmpty() ? "" : text + "\n\n") + (call == null ? "" : call + "\n\n") + sessionUrl;
    }

    private static String place(Session session, String parameter) {
        String room = session.series().values().room();
        String call = session.series().values().videoUrl();
        String where = room != null && !room.isBlank() ? room : call;
        return where == null || where.isBlank() ? "" : parameter + encode(where);
    }

    private static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
