package engawa.portal.shared.ui;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants shown in the viewer's own time zone and language. */
public final class Formats {

    private static final String ZONE = Formats.class.getName() + ".zone";

    private Formats() {
    }

    /** Asks the browser for its time zone once per session; until it answers, UTC. */
    public static void learnTimeZone(UI ui) {
        if (ui.getSession().getAttribute(ZONE) == null) {
            ui.getPage().retrieveExtendedClientDetails(details -> {
                try {
                    ui.getSession().setAttribute(ZONE, ZoneId.of(details.getTimeZoneId()));
                } catch (RuntimeException e) {
                    ui.getSession().setAttribute(ZONE, ZoneId.of("UTC"));
                }
            });
        }
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        Object zone = ui == null ? null : ui.getSession().getAttribute(ZONE);
        return zone instanceof ZoneId id ? id : ZoneId.of("UTC");
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
