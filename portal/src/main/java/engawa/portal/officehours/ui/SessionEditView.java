package engawa.portal.officehours.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.shared.ui.DatePickers;
import engawa.db.officehours.Host;
import engawa.db.officehours.SessionRow;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SessionDraft;
import engawa.portal.shared.UserFacingException;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Announcing a session, or changing one: what, when (in a named zone), where, who hosts, drop-in
 * or seated, and whether it repeats. A repeating session is changed from a date on ("this and
 * following"); every problem shows under its field and nothing is saved until all are fixed.
 */
@Route("office-hours/new")
@RouteAlias("office-hours/sessions/:id/edit")
@PermitAll
public class SessionEditView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final Pattern COUNT = Pattern.compile("COUNT=(\\d+)");

    private final OfficeHoursService sessions;
    private final CurrentPerson me;
    private final Clock clock;
    private final H1 heading = new H1();
    private final Paragraph scopeNote = new Paragraph();
    private final TextField title = new TextField();
    private final TextField titleJa = new TextField();
    private final TextArea description = new TextArea();
    private final TextField topics = new TextField();
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final IntegerField capacity = new IntegerField();
    private final TextField room = new TextField();
    private final TextField videoUrl = new TextField();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final DateTimePicker start = new DateTimePicker();
    private final DateTimePicker end = new DateTimePicker();
    private final Select<String> repeat = new Select<>();
    private final IntegerField times = new IntegerField();
    private final IntegerField reminder = new IntegerField();
    private final TextField hosts = new TextField();
    private final TextField recipes = new TextField();
    private final TextField services = new TextField();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private Long sessionId;
    private boolean following;
    /** the rule as it stands, kept when the host leaves "repeat" as it is */
    private String currentRule;

    SessionEditView(OfficeHoursService sessions, CurrentPerson me, Clock clock) {
        this.sessions = sessions;
        this.me = me;
        this.clock = clock;
        addClassName("page");
        addClassName("session-edit-view");
        RouterLink back = new RouterLink(getTranslation("officeHours.back"), OfficeHoursView.class);
        back.addClassName("back-link");
        scopeNote.addClassName("hint");
        add(back, heading, scopeNote);

        label(title, "title", "officeHours.form.title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(SessionDraft.TITLE_MAX_LENGTH);
        label(titleJa, "titleJa", "officeHours.form.titleJa");
        label(description, "description", "officeHours.form.description");
        description.setHelperText(getTranslation("officeHours.form.descriptionHelp"));
        label(topics, "topics", "officeHours.form.topics");
        topics.setHelperText(getTranslation("officeHours.form.commas"));
        kind.setLabel(getTranslation("officeHours.form.kind"));
        kind.setId("session-kind");
        kind.setItems("drop-in", "seated");
        kind.setItemLabelGenerator(k -> getTranslation(k.equals("seated") ? "officeHours.form.kindSeated" : "officeHours.form.kindDropIn"));
        kind.setValue("drop-in");
        kind.addValueChangeListener(e -> capacity.setVisible("seated".equals(e.getValue())));
        fields.put("kind", kind);
        label(capacity, "capacity", "officeHours.form.capacity");
        capacity.setMin(1);
        capacity.setStepButtonsVisible(true);
        capacity.setVisible(false);
        label(room, "room", "officeHours.form.room");
        room.setHelperText(getTranslation("officeHours.form.whereHelp"));
        label(videoUrl, "videoUrl", "officeHours.form.videoUrl");
        timeZone.setLabel(getTranslation("officeHours.form.timeZone"));
        timeZone.setId("session-timeZone");
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        timeZone.setRequiredIndicatorVisible(true);
        fields.put("timeZone", timeZone);
        timeZone.addValueChangeListener(e -> zoneLabels());
        DatePickers.localised(start, getLocale());
        DatePickers.localised(end, getLocale());
        start.setId("session-start");
        start.setStep(java.time.Duration.ofMinutes(15));
        fields.put("start", start);
        end.setId("session-end");
        end.setStep(java.time.Duration.ofMinutes(15));
        fields.put("end", end);
        start.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && (end.getValue() == null || !end.getValue().isAfter(e.getValue()))) {
                end.setValue(e.getValue().plusHours(1));
            }
        });
        repeat.setLabel(getTranslation("officeHours.form.repeat"));
        repeat.setId("session-repeat");
        repeat.setItems("none", "weekly", "biweekly");
        repeat.setItemLabelGenerator(r -> getTranslation("officeHours.form.repeat." + r));
        repeat.setValue("none");
        repeat.addValueChangeListener(e -> times.setVisible(!"none".equals(e.getValue()) && !"kept".equals(e.getValue())));
        label(times, "recurrence", "officeHours.form.times");
        times.setMin(2);
        times.setMax(104);
        times.setValue(8);
        times.setStepButtonsVisible(true);
        times.setVisible(false);
        label(reminder, "reminderMinutes", "officeHours.form.reminder");
        reminder.setValue(60);
        reminder.setMin(0);
        label(hosts, "hosts", "officeHours.form.hosts");
        hosts.setHelperText(getTranslation("officeHours.form.hostsHelp"));
        label(recipes, "recipes", "officeHours.form.recipes");
        recipes.setHelperText(getTranslation("officeHours.form.commas"));
        label(services, "services", "officeHours.form.services");
        services.setHelperText(getTranslation("officeHours.form.commas"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.add(title, titleJa);
        form.add(description, 2);
        form.add(start, end, timeZone, reminder, repeat, times, kind, capacity, room, videoUrl, topics, hosts, recipes, services);
        add(form);

        Button save = new Button(getTranslation("officeHours.form.save"), e -> save());
        save.setId("session-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("officeHours.form.back"), e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        buttons.addClassName("form-buttons");
        add(buttons);
    }

    private void label(com.vaadin.flow.component.HasValue<?, ?> field, String key, String textKey) {
        com.vaadin.flow.component.Component c = (com.vaadin.flow.component.Component) field;
        c.setId("session-" + key);
        c.getElement().setProperty("label", getTranslation(textKey));
        if (field instanceof HasValidation v) {
            fields.put(key, v);
        }
        if (field instanceof com.vaadin.flow.component.HasSize s) {
            s.setWidthFull();
        }
    }

    /** In the form's place: why there is nothing to change here, and a way on. */
    private void instead(String title, String why, RouterLink way) {
        removeAll();
        heading.setText(title);
        Paragraph reason = new Paragraph(why);
        reason.setId("edit-refused");
        add(heading, reason, way);
    }

    private void zoneLabels() {
        String zone = timeZone.getValue() == null ? "" : timeZone.getValue();
        start.setLabel(getTranslation("officeHours.form.startIn", zone));
        end.setLabel(getTranslation("officeHours.form.endIn", zone));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse(null);
        following = "following".equals(event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("scope", List.of("")).getFirst());
        if (id == null) {
            sessionId = null;
            heading.setText(getTranslation("officeHours.form.newTitle"));
            scopeNote.setText(getTranslation("officeHours.form.newHint"));
            ZoneId zone = Formats.zone();
            timeZone.setValue(zone.getId().contains("/") ? zone.getId() : "Asia/Tokyo");
            LocalDateTime next = LocalDateTime.ofInstant(clock.instant(), ZoneId.of(timeZone.getValue()))
                    .truncatedTo(ChronoUnit.HOURS).plusDays(1).withHour(10);
            start.setValue(next);
            end.setValue(next.plusHours(1));
            hosts.setValue(me.username() == null ? "" : me.username());
            zoneLabels();
            return;
        }
        Session s;
        try {
            sessionId = Long.valueOf(id);
            s = sessions.get(sessionId);
        } catch (NumberFormatException | UserFacingException notThere) {
            if (notThere instanceof UserFacingException e && e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            instead(getTranslation("officeHours.notFound.title"), getTranslation("officeHours.notFound", id),
                    new RouterLink(getTranslation("officeHours.back"), OfficeHoursView.class));
            return;
        }
        var v = s.series().values();
        String changeTitle = getTranslation("officeHours.form.editTitle", s.title(SessionCards.japanese(this)));
        if (!s.mayManage()) {
            // not a dead end: back to the session, whose page names its hosts
            instead(changeTitle, getTranslation("officeHours.edit.notHost"),
                    new RouterLink(getTranslation("officeHours.edit.backToSession"), SessionView.class,
                            new RouteParameters("id", String.valueOf(sessionId))));
            return;
        }
        heading.setText(changeTitle);
        scopeNote.setText(getTranslation(s.recurring() ? (following ? "officeHours.form.followingHint" : "officeHours.form.allHint")
                : "officeHours.form.singleHint"));
        title.setValue(v.titleEn());
        titleJa.setValue(v.titleJa() == null ? "" : v.titleJa());
        description.setValue(v.description());
        topics.setValue(String.join(", ", v.topics()));
        kind.setValue(s.seated() ? "seated" : "drop-in");
        capacity.setValue(v.capacity());
        room.setValue(v.room() == null ? "" : v.room());
        videoUrl.setValue(v.videoUrl() == null ? "" : v.videoUrl());
        timeZone.setValue(v.timeZone());
        reminder.setValue(v.reminderMinutes());
        hosts.setValue(String.join(", ", s.hosts().stream().map(Host::username).toList()));
        recipes.setValue(String.join(", ", v.recipeSlugs()));
        services.setValue(String.join(", ", v.serviceNames()));
        ZoneId zone = s.zone();
        SessionRow from = s.row();
        if (!following) {
            from = sessions.datesOf(s.series().id()).stream().filter(d -> d.endsAt().isAfter(clock.instant())).findFirst()
                    .orElse(s.row());
        }
        start.setValue(from.startsAt().atZone(zone).toLocalDateTime());
        end.setValue(from.endsAt().atZone(zone).toLocalDateTime());
        if (v.rrule() != null) {
            currentRule = remaining(v.rrule(), s.series().id(), from);
            repeat.setItems("kept", "none", "weekly", "biweekly");
            repeat.setValue("kept");
        }
        zoneLabels();
    }

    /** A COUNT rule edited from its n-th date on counts only the dates that remain. */
    private String remaining(String rule, long seriesId, SessionRow from) {
        Matcher m = COUNT.matcher(rule);
        if (!m.find()) {
            return rule;
        }
        List<SessionRow> dates = sessions.datesOf(seriesId);
        int before = (int) dates.stream().filter(d -> d.recurrenceLocal().isBefore(from.recurrenceLocal())).count();
        return m.replaceFirst("COUNT=" + Math.max(1, Integer.parseInt(m.group(1)) - before));
    }

    private void save() {
        FormErrors.clear(fields);
        String rule = switch (repeat.getValue()) {
            case "kept" -> currentRule;
            case "weekly" -> "FREQ=WEEKLY;INTERVAL=1;COUNT=" + (times.getValue() == null ? 0 : times.getValue());
            case "biweekly" -> "FREQ=WEEKLY;INTERVAL=2;COUNT=" + (times.getValue() == null ? 0 : times.getValue());
            default -> null;
        };
        SessionDraft draft = new SessionDraft(title.getValue(), titleJa.getValue(), description.getValue(), split(topics.getValue()),
                split(hosts.getValue()), kind.getValue(), capacity.getValue(), room.getValue(), videoUrl.getValue(),
                timeZone.getValue(), start.getValue(), end.getValue(), rule, reminder.getValue(), split(recipes.getValue()),
                split(services.getValue()));
        try {
            OfficeHoursService.Saved saved = sessionId == null ? sessions.create(draft) : sessions.update(sessionId, draft, following);
            saved.warnings().forEach(w -> FormErrors.notifyError(w.messageIn(getLocale())));
            FormErrors.notifySuccess(getTranslation("officeHours.form.saved"));
            getUI().ifPresent(ui -> ui.navigate(SessionView.class,
                    new RouteParameters("id", String.valueOf(saved.sessionId()))));
        } catch (UserFacingException e) {
            FormErrors.show(this, e, fields);
        }
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String getPageTitle() {
        return heading.getText() + " · " + getTranslation("app.name");
    }
}
