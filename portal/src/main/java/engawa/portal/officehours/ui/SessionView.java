package engawa.portal.officehours.ui;

import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import engawa.db.officehours.Host;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Wish;
import engawa.portal.officehours.CalendarService;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.UserFacingException;
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
    private final Clock clock;
    private String title = "";
    private long id;

    SessionView(OfficeHoursService sessions, SignupService signups, CalendarService calendars, Clock clock) {
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
        if (!v.recipeSlugs().isEmpty() || !v.serviceNames().isEmpty()) {
            Div covers = new Card(getTranslation("officeHours.covers"));
            UnorderedList list = new UnorderedList();
            v.recipeSlugs().forEach(r -> list.add(new ListItem(new Anchor("recipes/" + r, getTranslation("officeHours.recipe", r)))));
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
            add(hostCard(s, now));
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
        TimePicker dropBy = new TimePicker(getTranslation("officeHours.dropBy.label", zone.getId()));
        dropBy.setId("session-drop-by");
        if (!s.seated()) {
            dropBy.setStep(java.time.Duration.ofMinutes(15));
            LocalTime start = LocalTime.ofInstant(s.startsAt(), zone);
            LocalTime end = LocalTime.ofInstant(s.endsAt(), zone);
            if (start.isBefore(end)) {
                dropBy.setMin(start);
                dropBy.setMax(end.minusMinutes(1));
            }
            dropBy.setHelperText(getTranslation("officeHours.dropBy.help"));
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

    private Div calendarCard(Session s) {
        Div card = new Card(getTranslation("officeHours.calendar.title"));
        card.setId("calendar-card");
        card.add(download("session-" + s.id() + ".ics", "officeHours.calendar.download", "calendar-download",
                () -> calendars.session(s.id())));
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

    // --- hosts

    private Div hostCard(Session s, Instant now) {
        Div card = new Card(getTranslation("officeHours.host.title"));
        card.setId("host-card");
        if (!s.cancelled() && !s.finished(now)) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            Button edit = new Button(getTranslation(s.recurring() ? "officeHours.host.editFollowing" : "officeHours.host.edit"),
                    VaadinIcon.EDIT.create(), e -> getUI().ifPresent(ui -> ui.navigate(SessionEditView.class,
                            new RouteParameters("id", String.valueOf(s.id())),
                            QueryParameters.of("scope", s.recurring() ? "following" : "all"))));
            edit.setId("session-edit");
            actions.add(edit);
            if (s.recurring()) {
                Button move = new Button(getTranslation("officeHours.host.move"), VaadinIcon.CALENDAR_CLOCK.create(), e -> move(s));
                move.setId("session-move");
                actions.add(move);
            }
            Button cancel = new Button(getTranslation(s.recurring() ? "officeHours.host.cancelDate" : "officeHours.host.cancel"),
                    VaadinIcon.BAN.create(), e -> confirm("officeHours.host.cancelConfirm", () -> sessions.cancel(s.id())));
            cancel.setId("session-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
            if (s.recurring()) {
                Button cancelSeries = new Button(getTranslation("officeHours.host.cancelSeries"), e -> confirm(
                        "officeHours.host.cancelSeriesConfirm", () -> sessions.cancelSeries(s.id())));
                cancelSeries.setId("session-cancel-series");
                cancelSeries.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                actions.add(cancelSeries);
            }
            card.add(actions);
        }
        card.add(new H3(getTranslation("officeHours.host.people", signups.countAttendees(s.id()))));
        card.add(attendees(s, now));
        if (!s.finished(now) && !s.cancelled()) {
            TextField username = new TextField(getTranslation("officeHours.host.addLabel"));
            username.setId("host-add-username");
            username.setWidth("20em");
            Button add = new Button(getTranslation("officeHours.host.add"), VaadinIcon.PLUS.create(), e -> {
                try {
                    SignupService.Joined joined = signups.signUp(s.id(), username.getValue(), null);
                    FormErrors.notifySuccess(getTranslation(joined.status() == SignupStatus.WAITLISTED
                            ? "officeHours.host.addedWaiting" : "officeHours.host.added", joined.username(), joined.position()));
                    render();
                } catch (UserFacingException ex) {
                    FormErrors.show(this, ex, Map.of("username", username));
                }
            });
            add.setId("host-add");
            HorizontalLayout adding = new HorizontalLayout(username, add);
            adding.setAlignItems(FlexComponent.Alignment.BASELINE);
            card.add(adding);
        }
        card.add(wishes(s));
        return card;
    }

    private Grid<SignupRow> attendees(Session s, Instant now) {
        Grid<SignupRow> grid = new Grid<>();
        grid.setId("attendees");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(SignupRow::name).setHeader(getTranslation("officeHours.host.name")).setAutoWidth(true);
        grid.addComponentColumn(r -> SessionCards.badge(getTranslation(r.status() == SignupStatus.WAITLISTED
                ? "officeHours.status.waitlisted" : "officeHours.status.confirmed"), r.status() == SignupStatus.WAITLISTED
                        ? "contrast" : "success"))
                .setHeader(getTranslation("officeHours.host.status")).setAutoWidth(true);
        grid.addColumn(r -> r.wish() == null ? "" : r.wish()).setHeader(getTranslation("officeHours.host.wish")).setFlexGrow(1);
        if (!s.seated()) {
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                    .withZone(Formats.zone());
            grid.addColumn(r -> r.dropByAt() == null ? "" : time.format(r.dropByAt()))
                    .setHeader(getTranslation("officeHours.host.dropBy")).setAutoWidth(true);
        }
        boolean started = !s.startsAt().isAfter(now);
        if (started) {
            grid.addComponentColumn(r -> {
                if (r.status() != SignupStatus.CONFIRMED) {
                    return new Span();
                }
                Checkbox came = new Checkbox(Boolean.TRUE.equals(r.attended()));
                came.setAriaLabel(getTranslation("officeHours.host.cameLabel", r.name()));
                came.addClassName("attended-box");
                came.addValueChangeListener(e -> signups.markAttended(s.id(), r.id(), e.getValue()));
                return came;
            }).setHeader(getTranslation("officeHours.host.came")).setAutoWidth(true);
        }
        if (!s.finished(now)) {
            grid.addComponentColumn(r -> {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> confirm("officeHours.host.removeConfirm", () ->
                        signups.remove(s.id(), r.id())));
                remove.setAriaLabel(getTranslation("officeHours.host.remove", r.name()));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setHeader(getTranslation("officeHours.host.actions")).setAutoWidth(true);
        }
        grid.setItems(query -> signups.attendees(s.id(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("officeHours.host.nobody"));
        return grid;
    }

    private Div wishes(Session s) {
        Div box = new Div();
        box.setId("wishes");
        box.add(new H3(getTranslation("officeHours.wishes.title")));
        List<Wish> wishes = signups.wishes(s.id());
        if (wishes.isEmpty()) {
            box.add(new Paragraph(getTranslation("officeHours.wishes.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("wish-list");
        for (Wish w : wishes) {
            ListItem item = new ListItem(new Span(getTranslation("officeHours.wishes.people", w.people(), w.text())));
            if (w.recipeSlug() != null) {
                item.add(new Span(" "), new Anchor("recipes/" + w.recipeSlug(), getTranslation("officeHours.wishes.recipe")));
            } else {
                Button draft = new Button(getTranslation("officeHours.wishes.toRecipe"), e -> {
                    try {
                        String slug = signups.wishToRecipe(s.id(), w.key());
                        getUI().ifPresent(ui -> ui.navigate("recipes/" + slug + "/edit"));
                    } catch (UserFacingException ex) {
                        FormErrors.notifyError(ex.messageIn(getLocale()));
                    }
                });
                draft.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(draft);
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private void move(Session s) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("officeHours.host.move"));
        ZoneId zone = s.zone();
        DateTimePicker start = new DateTimePicker(getTranslation("officeHours.form.startIn", zone.getId()));
        start.setId("move-start");
        start.setValue(s.startsAt().atZone(zone).toLocalDateTime());
        DateTimePicker end = new DateTimePicker(getTranslation("officeHours.form.endIn", zone.getId()));
        end.setId("move-end");
        end.setValue(s.endsAt().atZone(zone).toLocalDateTime());
        dialog.add(new Paragraph(getTranslation("officeHours.host.moveHint")), start, end);
        Button save = new Button(getTranslation("officeHours.host.moveSave"), e -> {
            try {
                OfficeHoursService.Saved saved = sessions.move(s.id(), start.getValue(), end.getValue());
                saved.warnings().forEach(w -> FormErrors.notifyError(w.messageIn(getLocale())));
                dialog.close();
                render();
            } catch (UserFacingException ex) {
                FormErrors.show(this, ex, Map.of("start", start, "end", end));
            }
        });
        save.setId("move-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("officeHours.form.back"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirm(String key, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("officeHours.confirm.title"));
        dialog.setText(getTranslation(key));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("officeHours.form.back"));
        dialog.setConfirmText(getTranslation("officeHours.confirm.yes"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                action.run();
            } catch (UserFacingException ex) {
                FormErrors.notifyError(ex.messageIn(getLocale()));
            }
            render();
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
