package engawa.portal.officehours.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import engawa.db.officehours.Host;
import engawa.db.officehours.SignupStatus;
import engawa.portal.officehours.CalendarLinks;
import engawa.portal.officehours.CalendarService;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SessionLinks;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.recipes.RecipeRef;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One session: when (in the viewer's zone, and in the session's own when it differs), where, who
 * hosts, how full; joining in one click with an optional "what I want to automate"; the calendar
 * file. Hosts also see who comes and what they asked, add or remove people, mark attendance, and
 * turn wishes into draft recipes.
 */
@Route("office-hours/sessions/:id")
@PermitAll
public class SessionView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final OfficeHoursService sessions;
    private final SignupService signups;
    private final CalendarService calendars;
    private final SessionLinks links;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private String title = "";
    private long id;

    SessionView(OfficeHoursService sessions, SessionLinks links, SignupService signups, CalendarService calendars,
            PublicUrl publicUrl, Clock clock) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.sessions = sessions;
        this.signups = signups;
        this.calendars = calendars;
        this.clock = clock;
        addClassName("page");
        addClassName("session-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            render();
        } catch (NumberFormatException e) {
            notFound(UserFacingException.notFound("officeHours.notFound", event.getRouteParameters().get("id").orElse("")));
        } catch (UserFacingException e) {
            if (e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            notFound(e);
        }
    }

    private void notFound(UserFacingException e) {
        removeAll();
        title = getTranslation("officeHours.notFound.title");
        add(new H1(title), new Paragraph(e.messageIn(getLocale())),
                new RouterLink(getTranslation("officeHours.back"), OfficeHoursView.class));
    }

    private void render() {
        Session s = sessions.get(id);
        removeAll();
        ZoneId zone = Formats.zone();
        Instant now = clock.instant();
        title = s.title(SessionCards.japanese(this));
        RouterLink back = new RouterLink(getTranslation("officeHours.back"), OfficeHoursView.class);
        back.addClassName("back-link");
        H1 heading = new H1(title);
        heading.setId("session-title");
        add(back, heading);

        Div facts = new Div();
        facts.addClassName("session-facts");
        Span when = new Span(VaadinIcon.CLOCK.create(), new Span(SessionCards.times(this, s, zone) + " (" + zone.getId() + ")"));
        when.setId("session-when");
        facts.add(when);
        if (!s.zone().equals(zone)) {
            DateTimeFormatter own = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(s.zone());
            Span local = new Span(getTranslation("officeHours.ownTime", own.format(s.startsAt()), own.format(s.endsAt()), s.zone().getId()));
            local.addClassName("hint");
            facts.add(local);
        }
        var v = s.series().values();
        if (v.room() != null) {
            facts.add(new Span(VaadinIcon.MAP_MARKER.create(), new Span(v.room())));
        }
        if (v.videoUrl() != null) {
            Anchor call = new Anchor(v.videoUrl(), getTranslation("officeHours.joinCall"));
            call.setTarget(AnchorTarget.BLANK);
            call.getElement().setAttribute("rel", "noopener noreferrer");
            facts.add(new Span(VaadinIcon.CAMERA.create(), call));
        }
        facts.add(new Span(VaadinIcon.USER.create(), new Span(getTranslation("officeHours.hostedBy",
                s.hosts().stream().map(Host::name).collect(Collectors.joining(", "))))));
        add(facts);

        Div badges = new Div();
        badges.addClassName("session-badges");
        badges.add(SessionCards.badge(getTranslation(s.seated() ? "officeHours.kind.seated" : "officeHours.kind.dropIn"), "contrast"),
                SessionCards.fullness(this, s));
        if (s.recurring()) {
            badges.add(SessionCards.badge(getTranslation(v.rrule().contains("INTERVAL=2") ? "officeHours.everyOtherWeek"
                    : "officeHours.everyWeek"), ""));
        }
        v.topics().forEach(t -> badges.add(SessionCards.badge(t, "")));
        add(badges);
        if (s.cancelled()) {
            Paragraph cancelled = new Paragraph(getTranslation("officeHours.cancelledNotice"));
            cancelled.addClassName("recipe-notice");
            cancelled.setId("session-cancelled");
            add(cancelled);
        }

        Div columns = new Div();
        columns.addClassName("recipe-columns");
        Div main = new Div();
        Div side = new Div();
        side.addClassName("recipe-side");
        columns.add(main, side);
        add(columns);
        String description = s.descriptionHtml();
        if (!description.isBlank()) {
            Div about = new Card(getTranslation("officeHours.about"));
            about.add(new Html("<div class=\"recipe-steps\">" + description + "</div>"));
            main.add(about);
        }
        List<RecipeRef> recipes = links.recipesOf(s);
        if (!recipes.isEmpty() || !v.serviceNames().isEmpty()) {
            Div covers = new Card(getTranslation("officeHours.covers"));
            UnorderedList list = new UnorderedList();
            boolean ja = SessionCards.japanese(this);
            recipes.forEach(r -> list.add(new ListItem(new Anchor("recipes/" + r.slug(),
                    getTranslation("officeHours.recipe", r.title(ja))))));
            v.serviceNames().forEach(n -> list.add(new ListItem(new Anchor("services/" + n, getTranslation("officeHours.service", n)))));
            covers.add(list);
            main.add(covers);
        }
        side.add(s.hosting() ? hostingCard() : joinCard(s, now, zone), calendarCard(s));
        if (main.getChildren().findAny().isEmpty()) {
            // nothing described: the side cards sit side by side instead of beside an empty column
            columns.removeClassName("recipe-columns");
            side.addClassName("session-cards-row");
        }
        if (s.mayManage()) {
            add(new SessionHostCard(s, now, sessions, signups, this::render));
        }
    }

    // --- joining

    private Div hostingCard() {
        Div card = new Card(getTranslation("officeHours.join.title"));
        card.setId("join-card");
        card.add(new Paragraph(getTranslation("officeHours.join.hosting")));
        return card;
    }

    private Div joinCard(Session s, Instant now, ZoneId zone) {
        Div card = new Card(getTranslation("officeHours.join.title"));
        card.setId("join-card");
        if (s.cancelled()) {
            card.add(new Paragraph(getTranslation("officeHours.join.cancelledText")));
            return card;
        }
        if (s.finished(now)) {
            card.add(new Paragraph(getTranslation("officeHours.join.ended")));
            if (s.mine() != null) {
                card.add(recipeLink());
            }
            return card;
        }
        if (s.mine() == SignupStatus.CONFIRMED) {
            Paragraph state = new Paragraph(VaadinIcon.CHECK_CIRCLE.create(),
                    new Span(getTranslation(s.seated() ? "officeHours.join.in" : "officeHours.join.coming")));
            state.addClassName("join-state");
            state.setId("join-state");
            Button leave = new Button(getTranslation(s.seated() ? "officeHours.leave" : "officeHours.leaveDropIn"), e -> leave());
            leave.setId("session-leave");
            leave.addThemeVariants(ButtonVariant.LUMO_ERROR);
            card.add(state, leave);
            return card;
        }
        if (s.mine() == SignupStatus.WAITLISTED) {
            Paragraph state = new Paragraph(VaadinIcon.HOURGLASS_START.create(),
                    new Span(getTranslation("officeHours.join.waiting", s.position())));
            state.addClassName("join-state");
            state.setId("join-state");
            Paragraph how = new Paragraph(getTranslation("officeHours.join.waitingHow"));
            how.addClassName("hint");
            Button leave = new Button(getTranslation("officeHours.leaveWaitlist"), e -> leave());
            leave.setId("session-leave");
            card.add(state, how, leave);
            return card;
        }
        ComboBox<String> wish = new ComboBox<>(getTranslation("officeHours.wish.label"));
        wish.setId("session-wish");
        wish.setItems(signups.commonWishes());
        wish.setAllowCustomValue(true);
        wish.addCustomValueSetListener(e -> wish.setValue(e.getDetail()));
        wish.setHelperText(getTranslation("officeHours.wish.help"));
        wish.setWidthFull();
        card.add(wish);
        // the label stays short enough for a phone; the time zone goes in the help below it
        TimePicker dropBy = new TimePicker(getTranslation("officeHours.dropBy.label"));
        dropBy.setId("session-drop-by");
        if (!s.seated()) {
            dropBy.setStep(java.time.Duration.ofMinutes(15));
            LocalTime start = LocalTime.ofInstant(s.startsAt(), zone);
            LocalTime end = LocalTime.ofInstant(s.endsAt(), zone);
            if (start.isBefore(end)) {
                dropBy.setMin(start);
                dropBy.setMax(end.minusMinutes(1));
            }
            dropBy.setHelperText(getTranslation("officeHours.dropBy.help", zone.getId()));
            card.add(dropBy);
        }
        Map<String, TimePicker> fields = Map.of("dropByAt", dropBy);
        String label = s.seated() ? (s.full() ? "officeHours.joinWaitlist" : "officeHours.joinSeat") : "officeHours.joinDropIn";
        Button join = new Button(getTranslation(label), VaadinIcon.SIGN_IN.create(), e -> {
            try {
                Instant at = dropBy.getValue() == null ? null
                        : s.startsAt().atZone(zone).with(dropBy.getValue()).toInstant();
                SignupService.Joined joined = signups.join(id, wish.getValue(), at);
                FormErrors.notifySuccess(joined.status() == SignupStatus.WAITLISTED
                        ? getTranslation("officeHours.joined.waiting", joined.position())
                        : getTranslation("officeHours.joined.in"));
                render();
            } catch (UserFacingException ex) {
                if (!FormErrors.show(this, ex, fields)) {
                    render();
                }
            }
        });
        join.setId("session-join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(join);
        if (s.seated()) {
            Paragraph seats = new Paragraph(s.full() ? getTranslation("officeHours.join.fullText", s.waitlisted())
                    : getTranslation("officeHours.seatsLeft", s.seatsLeft(), s.capacity()));
            seats.addClassName("hint");
            card.add(seats);
        }
        return card;
    }

    private void leave() {
        try {
            signups.leave(id);
            FormErrors.notifySuccess(getTranslation("officeHours.left"));
        } catch (UserFacingException e) {
            FormErrors.notifyError(e.messageIn(getLocale()));
        }
        render();
    }

    /** After a session: "I built this" links a recipe, which counts as an automation started here. */
    private Component recipeLink() {
        Div box = new Div();
        TextField slug = new TextField(getTranslation("officeHours.built.label"));
        slug.setId("session-built-recipe");
        slug.setHelperText(getTranslation("officeHours.built.help"));
        slug.setWidthFull();
        Button save = new Button(getTranslation("officeHours.built.save"), e -> {
            try {
                signups.linkRecipe(id, slug.getValue());
                FormErrors.notifySuccess(getTranslation("officeHours.built.saved"));
            } catch (UserFacingException ex) {
                FormErrors.show(this, ex, Map.of("recipe", slug));
            }
        });
        save.setId("session-built-save");
        box.add(slug, save);
        return box;
    }

    /**
     * Google and Outlook open with the event filled in; Apple Calendar and the rest take the .ics
     * file; the person's own feed keeps every session they join, which is on My sessions.
     */
    private Div calendarCard(Session s) {
        Div card = new Card(getTranslation("officeHours.calendar.title"));
        card.setId("calendar-card");
        boolean ja = SessionCards.japanese(this);
        String here = publicUrl.of("/office-hours/sessions/" + s.id());
        Div links = new Div();
        links.addClassName("calendar-links");
        links.add(webLink(CalendarLinks.google(s, ja, here), "officeHours.calendar.google", "calendar-google"),
                webLink(CalendarLinks.outlook(s, ja, here), "officeHours.calendar.outlook", "calendar-outlook"),
                download("session-" + s.id() + ".ics", "officeHours.calendar.download", "calendar-download",
                        () -> calendars.session(s.id())));
        card.add(links);
        if (s.recurring()) {
            card.add(download("series-" + s.id() + ".ics", "officeHours.calendar.series", "calendar-series",
                    () -> calendars.series(s.id())));
        }
        Paragraph feed = new Paragraph(new Span(getTranslation("officeHours.calendar.feedHint") + " "),
                new RouterLink(getTranslation("officeHours.mine.title"), MySessionsView.class));
        feed.addClassName("hint");
        card.add(feed);
        return card;
    }

    private Anchor webLink(String url, String key, String elementId) {
        Anchor link = new Anchor(url, "");
        link.add(VaadinIcon.CALENDAR.create(), new Span(getTranslation(key)));
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.setId(elementId);
        link.addClassName("download-link");
        return link;
    }

    private static Anchor download(String fileName, String key, String elementId, java.util.function.Supplier<String> content) {
        Anchor link = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("text/calendar; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                out.write(content.get().getBytes(StandardCharsets.UTF_8));
            }
        }, "");
        link.add(VaadinIcon.CALENDAR.create(), new Span(link.getTranslation(key)));
        link.setId(elementId);
        link.addClassName("download-link");
        return link;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
