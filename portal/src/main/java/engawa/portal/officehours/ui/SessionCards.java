package engawa.portal.officehours.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.officehours.Host;
import engawa.db.officehours.SignupStatus;
import engawa.portal.officehours.Locations;
import engawa.portal.officehours.Session;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a session looks in lists, in the week view and on Home: when, what, where, who, and how full. */
public final class SessionCards {

    private SessionCards() {
    }

    /** A card that names its date: on Home and in "My sessions". */
    public static RouterLink card(Component ctx, Session s, ZoneId zone, Instant now) {
        return card(ctx, s, zone, now, true);
    }

    /** @param withDate false under a heading that already names the day */
    public static RouterLink card(Component ctx, Session s, ZoneId zone, Instant now, boolean withDate) {
        RouterLink link = new RouterLink(SessionView.class, new RouteParameters("id", String.valueOf(s.id())));
        link.addClassName("session-card");
        link.getElement().setAttribute("data-session", String.valueOf(s.id()));
        Span when = new Span(VaadinIcon.CLOCK.create(), new Span(withDate ? times(ctx, s, zone) : hours(ctx, s, zone)));
        when.addClassName("session-when");
        H3 title = new H3(s.title(japanese(ctx)));
        Div meta = new Div();
        meta.addClassName("session-meta");
        String where = Locations.text(s.series().values());
        if (!where.isEmpty()) {
            meta.add(new Span(VaadinIcon.MAP_MARKER.create(), new Span(shortWhere(ctx, s))));
        }
        meta.add(new Span(VaadinIcon.USER.create(), new Span(s.hosts().stream().map(Host::name).collect(Collectors.joining(", ")))));
        Div badges = new Div();
        badges.addClassName("session-badges");
        badges.add(badge(ctx.getTranslation(s.seated() ? "officeHours.kind.seated" : "officeHours.kind.dropIn"), "contrast"));
        badges.add(fullness(ctx, s));
        Span mine = mine(ctx, s);
        if (mine != null) {
            badges.add(mine);
        }
        if (s.hosting()) {
            badges.add(badge(ctx.getTranslation("officeHours.youHost"), "primary"));
        }
        s.series().values().topics().forEach(t -> badges.add(badge(t, "")));
        link.add(when, title, meta, badges);
        return link;
    }

    /** The week view's compact entry. */
    static RouterLink block(Component ctx, Session s, ZoneId zone) {
        RouterLink link = new RouterLink(SessionView.class, new RouteParameters("id", String.valueOf(s.id())));
        link.addClassName("week-session");
        if (s.seated()) {
            link.addClassName("seated");
        }
        link.getElement().setAttribute("data-session", String.valueOf(s.id()));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(ctx)).withZone(zone);
        Span when = new Span(time.format(s.startsAt()) + "–" + time.format(s.endsAt()));
        when.addClassName("week-time");
        Span title = new Span(s.title(japanese(ctx)));
        title.addClassName("week-title-text");
        link.add(when, title, fullness(ctx, s));
        Span mine = mine(ctx, s);
        if (mine != null) {
            link.add(mine);
        }
        return link;
    }

    /** "Thu 10:00–11:00", in the viewer's zone. */
    static String times(Component ctx, Session s, ZoneId zone) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE", locale(ctx)).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(ctx)).withZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(ctx)).withZone(zone);
        return day.format(s.startsAt()) + " " + date.format(s.startsAt()) + ", " + time.format(s.startsAt()) + "–"
                + time.format(s.endsAt());
    }

    /** "10:00–11:00" in the viewer's zone. */
    static String hours(Component ctx, Session s, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(ctx)).withZone(zone);
        return time.format(s.startsAt()) + "–" + time.format(s.endsAt());
    }

    static String shortWhere(Component ctx, Session s) {
        var v = s.series().values();
        if (v.room() != null && v.videoUrl() != null) {
            return ctx.getTranslation("officeHours.where.both", v.room());
        }
        return v.room() != null ? v.room() : ctx.getTranslation("officeHours.where.online");
    }

    static Span fullness(Component ctx, Session s) {
        if (s.cancelled()) {
            return badge(ctx.getTranslation("officeHours.cancelled"), "error");
        }
        if (!s.seated()) {
            return badge(ctx.getTranslation("officeHours.comingBy", s.coming()), s.coming() == 0 ? "contrast" : "success");
        }
        if (s.full()) {
            return badge(s.waitlisted() > 0 ? ctx.getTranslation("officeHours.fullWaiting", s.waitlisted())
                    : ctx.getTranslation("officeHours.full"), "error");
        }
        return badge(ctx.getTranslation("officeHours.seatsLeft", s.seatsLeft(), s.capacity()), "success");
    }

    static Span mine(Component ctx, Session s) {
        if (s.mine() == SignupStatus.CONFIRMED) {
            return badge(ctx.getTranslation(s.seated() ? "officeHours.youreIn" : "officeHours.youreComing"), "success primary");
        }
        if (s.mine() == SignupStatus.WAITLISTED) {
            return badge(ctx.getTranslation("officeHours.youWait"), "contrast primary");
        }
        return null;
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        for (String t : theme.split(" ")) {
            if (!t.isBlank()) {
                badge.getElement().getThemeList().add(t);
            }
        }
        return badge;
    }

    static boolean japanese(Component ctx) {
        return "ja".equals(locale(ctx).getLanguage());
    }

    static Locale locale(Component ctx) {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
