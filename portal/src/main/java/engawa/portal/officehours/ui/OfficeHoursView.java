package engawa.portal.officehours.ui;

import org.springframework.data.domain.PageRequest;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.Component;
import engawa.db.officehours.Host;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Signups;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open-door office hours: the upcoming sessions as a list or a week, filtered by topic and host,
 * every time in the viewer's own zone (named on the page), and what came of the sessions so far.
 * Filters, view and week live in the address, so a link shows the same page.
 */
@Route("office-hours")
@Menu(title = "nav.officeHours", order = 20, icon = "vaadin:coffee")
@PermitAll
public class OfficeHoursView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE = 20;

    private final OfficeHoursService sessions;
    private final SignupService signups;
    private final Clock clock;
    private final Select<String> topic = new Select<>();
    private final Select<String> host = new Select<>();
    private final Div viewSwitch = new Div();
    private final Div results = new Div();
    private final Span zoneNote = new Span();
    private boolean week;
    private LocalDate weekStart;
    private int shown;
    /** the day of the last session listed, so the next page goes on under the same heading */
    private LocalDate lastDay;
    private boolean navigating;

    OfficeHoursView(OfficeHoursService sessions, SignupService signups, Clock clock) {
        this.sessions = sessions;
        this.signups = signups;
        this.clock = clock;
        addClassName("page");
        addClassName("office-hours-view");
        H1 title = new H1(getTranslation("officeHours.title"));
        Button announce = new Button(getTranslation("officeHours.announce"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(SessionEditView.class)));
        announce.setId("session-new");
        RouterLink mine = new RouterLink(getTranslation("officeHours.mine.title"), MySessionsView.class);
        mine.setId("my-sessions-link");
        HorizontalLayout actions = new HorizontalLayout(mine, announce);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(title, actions);
        header.addClassName("page-header");
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        add(header, new Paragraph(getTranslation("officeHours.intro")));

        topic.setLabel(getTranslation("officeHours.filter.topic"));
        topic.setId("filter-topic");
        host.setLabel(getTranslation("officeHours.filter.host"));
        host.setId("filter-host");
        viewSwitch.addClassName("view-switch");
        viewSwitch.getElement().setAttribute("role", "group");
        viewSwitch.getElement().setAttribute("aria-label", getTranslation("officeHours.view.label"));
        zoneNote.addClassName("hint");
        zoneNote.setId("zone-note");
        HorizontalLayout filters = new HorizontalLayout(topic, host, viewSwitch);
        filters.setAlignItems(FlexComponent.Alignment.END);
        filters.setWrap(true);
        filters.addClassName("office-hours-filters");
        topic.addValueChangeListener(e -> changed());
        host.addValueChangeListener(e -> changed());
        add(filters, zoneNote, results);
        results.setId("sessions");
        add(startedHere());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        navigating = true;
        List<String> topics = sessions.topics();
        topic.setItems(prepend("", topics));
        topic.setItemLabelGenerator(t -> t.isEmpty() ? getTranslation("officeHours.filter.anyTopic") : t);
        List<Host> hosts = sessions.hosts();
        Map<String, String> names = new LinkedHashMap<>();
        names.put("", getTranslation("officeHours.filter.anyHost"));
        hosts.forEach(h -> names.put(h.username(), h.name()));
        host.setItems(List.copyOf(names.keySet()));
        host.setItemLabelGenerator(names::get);
        topic.setValue(first(query, "topic", topics));
        host.setValue(first(query, "host", List.copyOf(names.keySet())));
        week = "week".equals(first(query, "view", List.of("week")));
        String weekText = first(query, "week", null);
        ZoneId zone = Formats.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        try {
            weekStart = (weekText.isEmpty() ? today : LocalDate.parse(weekText)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (RuntimeException e) {
            weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        navigating = false;
        refresh();
    }

    private static String first(Map<String, List<String>> query, String key, List<String> allowed) {
        List<String> values = query.getOrDefault(key, List.of());
        String value = values.isEmpty() ? "" : values.getFirst();
        return allowed == null || allowed.contains(value) ? value : "";
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private void changed() {
        if (!navigating) {
            refresh();
        }
    }

    private void refresh() {
        ZoneId zone = Formats.zone();
        zoneNote.setText(getTranslation("officeHours.zoneNote", zone.getId()));
        viewSwitch.removeAll();
        viewSwitch.add(switchButton("officeHours.view.list", !week, false), switchButton("officeHours.view.week", week, true));
        results.removeAll();
        shown = 0;
        if (week) {
            showWeek(zone);
        } else {
            showMore(zone);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!topic.getValue().isEmpty()) {
            params.put("topic", topic.getValue());
        }
        if (!host.getValue().isEmpty()) {
            params.put("host", host.getValue());
        }
        if (week) {
            params.put("view", "week");
            params.put("week", weekStart.toString());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("office-hours", QueryParameters.simple(params))));
    }

    /**
     * A session in the list, with Join beside it for one that is open to the viewer: the question
     * and the drop-by time are optional, so joining needs no page of its own. (A button cannot sit
     * inside the card's link, so the two share a box.)
     */
    private Component entry(Session session, ZoneId zone) {
        Component card = SessionCards.card(this, session, zone, clock.instant(), false);
        if (session.mine() != null || session.hosting() || session.cancelled() || session.finished(clock.instant())) {
            return card;
        }
        Div entry = new Div(card);
        entry.addClassName("session-entry");
        String label = session.seated() ? (session.full() ? "officeHours.joinWaitlist" : "officeHours.joinSeat")
                : "officeHours.joinDropIn";
        Button join = new Button(getTranslation(label), VaadinIcon.SIGN_IN.create());
        join.addClassName("session-join");
        join.getElement().setAttribute("aria-label", getTranslation(label) + ": " + session.title(SessionCards.japanese(this)));
        join.addClickListener(e -> {
            try {
                SignupService.Joined joined = signups.join(session.id(), null, null);
                FormErrors.notifySuccess(joined.status() == SignupStatus.WAITLISTED
                        ? getTranslation("officeHours.joined.waiting", joined.position())
                        : getTranslation("officeHours.joined.in"));
                entry.replace(join, SessionCards.badge(getTranslation(joined.status() == SignupStatus.WAITLISTED
                        ? "officeHours.youWait" : session.seated() ? "officeHours.youreIn" : "officeHours.youreComing"),
                        "success primary"));
            } catch (UserFacingException refused) {
                FormErrors.notifyError(refused.messageIn(getLocale()));
            }
        });
        entry.add(join);
        return entry;
    }

    private Button switchButton(String key, boolean active, boolean toWeek) {
        Button button = new Button(getTranslation(key), e -> {
            week = toWeek;
            refresh();
        });
        button.setId(toWeek ? "view-week" : "view-list");
        button.getElement().setAttribute("aria-pressed", String.valueOf(active));
        button.addThemeVariants(active ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        return button;
    }

    private OfficeHoursService.Query query(Instant from, Instant to) {
        return new OfficeHoursService.Query(from, to, topic.getValue(), host.getValue(), false);
    }

    /** The list: a page at a time, under a heading per day. */
    private void showMore(ZoneId zone) {
        OfficeHoursService.Query q = query(null, null);
        // "Show more" adds whole pages: what is shown is always a multiple of PAGE
        List<Session> page = sessions.list(q, PageRequest.of(shown / PAGE, PAGE));
        if (shown == 0 && page.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("officeHours.none"));
            none.setId("sessions-empty");
            results.add(none);
            return;
        }
        results.getChildren().filter(c -> c.getId().orElse("").equals("sessions-more")).toList().forEach(results::remove);
        if (shown == 0) {
            lastDay = null;
        }
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale());
        for (Session session : page) {
            LocalDate day = LocalDate.ofInstant(session.startsAt(), zone);
            if (!day.equals(lastDay)) {
                H2 heading = new H2(dayFormat.format(day));
                heading.addClassName("day-heading");
                results.add(heading);
                lastDay = day;
            }
            results.add(entry(session, zone));
        }
        shown += page.size();
        if (shown < sessions.count(q)) {
            Button more = new Button(getTranslation("officeHours.more"), e -> showMore(zone));
            more.setId("sessions-more");
            results.add(more);
        }
    }

    /** Seven days side by side, Monday first, in the viewer's zone; built from plain elements and CSS. */
    private void showWeek(ZoneId zone) {
        Instant from = weekStart.atStartOfDay(zone).toInstant();
        Instant to = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
        DateTimeFormatter range = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> {
            weekStart = weekStart.minusWeeks(1);
            refresh();
        });
        previous.setAriaLabel(getTranslation("officeHours.week.previous"));
        previous.setId("week-previous");
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> {
            weekStart = weekStart.plusWeeks(1);
            refresh();
        });
        next.setAriaLabel(getTranslation("officeHours.week.next"));
        next.setId("week-next");
        H2 title = new H2(getTranslation("officeHours.week.of", range.format(weekStart), range.format(weekStart.plusDays(6))));
        title.addClassName("week-title");
        HorizontalLayout nav = new HorizontalLayout(previous, title, next);
        nav.setAlignItems(FlexComponent.Alignment.CENTER);
        results.add(nav);

        List<Session> inWeek = sessions.list(query(from, to), PageRequest.of(0, 500));
        Div grid = new Div();
        grid.addClassName("week-grid");
        grid.setId("week-grid");
        DateTimeFormatter dayName = DateTimeFormatter.ofPattern("EEE d", getLocale());
        for (int i = 0; i < 7; i++) {
            LocalDate day = weekStart.plusDays(i);
            Div column = new Div();
            column.addClassName("week-day");
            if (day.equals(LocalDate.ofInstant(clock.instant(), zone))) {
                column.addClassName("today");
            }
            H3 name = new H3(dayName.format(day));
            column.add(name);
            UnorderedList list = new UnorderedList();
            inWeek.stream().filter(s -> LocalDate.ofInstant(s.startsAt(), zone).equals(day))
                    .forEach(s -> list.add(new ListItem(SessionCards.block(this, s, zone))));
            if (list.getChildren().findAny().isEmpty()) {
                Span free = new Span(getTranslation("officeHours.week.nothing"));
                free.addClassName("hint");
                column.add(free);
            } else {
                column.add(list);
            }
            grid.add(column);
        }
        results.add(grid);
    }

    /** The open door's measure of success: automations that started at a session. */
    private Div startedHere() {
        Div card = new Card(getTranslation("officeHours.started.title"));
        card.setId("automations-started");
        List<Signups.Started> started = signups.automationsStarted();
        if (started.isEmpty()) {
            card.add(new Paragraph(getTranslation("officeHours.started.none")));
            return card;
        }
        card.add(new Paragraph(getTranslation("officeHours.started.count", signups.countAutomationsStarted())));
        UnorderedList list = new UnorderedList();
        boolean ja = "ja".equals(getLocale().getLanguage());
        for (Signups.Started s : started) {
            String name = ja && s.titleJa() != null ? s.titleJa() : s.title();
            Anchor link = new Anchor("recipes/" + s.slug(), name);
            ListItem item = new ListItem(link);
            if (s.people() > 0) {
                Span people = new Span(" · " + getTranslation("officeHours.started.people", s.people()));
                people.addClassName("hint");
                item.add(people);
            }
            list.add(item);
        }
        card.add(list);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("officeHours.title") + " · " + getTranslation("app.name");
    }
}
