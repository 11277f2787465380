package engawa.portal.shared.ui;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants shown in the viewer's own time zone and language. */
public final class Formats {

    private static final String ZONE = Formats.class.getName() + ".zone";
    /**
     * The browser's time zone, set by a line of script in every page before Vaadin starts
     * (EngawaApplication), so that the first view after sign-in already shows times in it; Vaadin's
     * own client details arrive only after that view is drawn.
     */
    public static final String ZONE_COOKIE = "engawa-tz";

    private Formats() {
    }

    /**
     * Learns the browser's time zone once per session: from the cookie the page's script set, else
     * from Vaadin's client details when they arrive. Until then, UTC. Details without a zone (they
     * can come back empty before the browser sent them) change nothing.
     */
    public static void learnTimeZone(UI ui) {
        if (ui.getSession().getAttribute(ZONE) == null && zone().equals(ZoneId.of("UTC"))) {
            ui.getPage().retrieveExtendedClientDetails(details -> {
                try {
                    if (details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                        ui.getSession().setAttribute(ZONE, ZoneId.of(details.getTimeZoneId()));
                    }
                } catch (RuntimeException notAZone) {
                    // keep what there is
                }
            });
        }
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        Object zone = ui == null ? null : ui.getSession().getAttribute(ZONE);
        if (zone instanceof ZoneId id) {
            return id;
        }
        ZoneId fromCookie = zoneCookie();
        if (fromCookie != null && ui != null) {
            ui.getSession().setAttribute(ZONE, fromCookie);
            return fromCookie;
        }
        return ZoneId.of("UTC");
    }

    /** The zone the page's script put in its cookie; null when there is none or it is no zone. */
    private static ZoneId zoneCookie() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        jakarta.servlet.http.Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie cookie : cookies) {
            if (ZONE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 64) {
                try {
                    return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (RuntimeException notAZone) {
                    return null;
                }
            }
        }
        return null;
    }

    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(ui == null ? java.util.Locale.ENGLISH : ui.getLocale())
                .withZone(zone())
                .format(instant);
    }

    public static String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(ui == null ? java.util.Locale.ENGLISH : ui.getLocale())
                .withZone(zone())
                .format(instant);
    }

    /** A day as the reader writes it: Dec 24, 2026 in English, 2026/12/24 in Japanese. */
    public static String day(java.time.LocalDate day) {
        UI ui = UI.getCurrent();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(ui == null ? java.util.Locale.ENGLISH : ui.getLocale()).format(day);
    }
}
