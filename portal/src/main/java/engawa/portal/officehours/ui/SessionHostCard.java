package engawa.portal.officehours.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.portal.shared.ui.DatePickers;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Wish;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.PhoneColumns;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the hosts of a session see on its page: changing, moving or cancelling it, who comes and
 * what they asked, adding or removing someone, who came, and the wishes that may become recipes.
 */
class SessionHostCard extends Card {

    private final OfficeHoursService sessions;
    private final SignupService signups;
    private final Runnable refresh;

    SessionHostCard(Session s, Instant now, OfficeHoursService sessions, SignupService signups, Runnable refresh) {
        this.sessions = sessions;
        this.signups = signups;
        this.refresh = refresh;
        setTitle(getTranslation("officeHours.host.title"));
        Div card = this;
        setId("host-card");
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
        if (!s.finished(now) && !s.cancelled() && signups.maySignUpOthers()) {
            TextField username = new TextField(getTranslation("officeHours.host.addLabel"));
            username.setId("host-add-username");
            username.setWidth("20em");
            Button add = new Button(getTranslation("officeHours.host.add"), VaadinIcon.PLUS.create(), e -> {
                try {
                    SignupService.Joined joined = signups.signUp(s.id(), username.getValue(), null);
                    FormErrors.notifySuccess(getTranslation(joined.status() == SignupStatus.WAITLISTED
                            ? "officeHours.host.addedWaiting" : "officeHours.host.added", joined.username(), joined.position()));
                    refresh.run();
                } catch (UserFacingException ex) {
                    FormErrors.show(this, ex, Map.of("username", username));
                }
            });
            add.setId("host-add");
            HorizontalLayout adding = new HorizontalLayout(username, add);
            adding.setAlignItems(FlexComponent.Alignment.BASELINE);
            card.add(adding);
        }
        if (!s.finished(now) && !s.cancelled()) {
            card.add(noteForm(s));
        }
        card.add(wishes(s));
    }

    /** A short note to everyone coming ("bring your laptop"), which reaches them as they chose to hear. */
    private Div noteForm(Session s) {
        com.vaadin.flow.component.textfield.TextArea note = new com.vaadin.flow.component.textfield.TextArea(
                getTranslation("officeHours.note.label"));
        note.setId("host-note");
        note.setPlaceholder(getTranslation("officeHours.note.placeholder"));
        note.setMaxLength(SignupService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Button send = new Button(getTranslation("officeHours.note.send"), VaadinIcon.ENVELOPE_O.create(), e -> {
            try {
                int told = signups.sendNote(s.id(), note.getValue());
                note.clear();
                FormErrors.notifySuccess(getTranslation("officeHours.note.sent", told));
            } catch (UserFacingException ex) {
                FormErrors.show(this, ex, Map.of("note", note));
            }
        });
        send.setId("host-note-send");
        Div box = new Div(note, send);
        box.addClassName("host-note");
        return box;
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
        // on a phone the host sees who, their state, and whether they came; the wishes are listed below the grid
        List<Grid.Column<SignupRow>> wide = new ArrayList<>();
        wide.add(grid.addColumn(r -> r.wish() == null ? "" : r.wish()).setHeader(getTranslation("officeHours.host.wish"))
                .setFlexGrow(1));
        if (!s.seated()) {
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                    .withZone(Formats.zone());
            wide.add(grid.addColumn(r -> r.dropByAt() == null ? "" : time.format(r.dropByAt()))
                    .setHeader(getTranslation("officeHours.host.dropBy")).setAutoWidth(true));
        }
        PhoneColumns.hideOnPhones(grid, wide.toArray(Grid.Column[]::new));
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
        DateTimePicker start = DatePickers.localised(new DateTimePicker(getTranslation("officeHours.form.startIn", zone.getId())), getLocale());
        start.setId("move-start");
        start.setValue(s.startsAt().atZone(zone).toLocalDateTime());
        DateTimePicker end = DatePickers.localised(new DateTimePicker(getTranslation("officeHours.form.endIn", zone.getId())), getLocale());
        end.setId("move-end");
        end.setValue(s.endsAt().atZone(zone).toLocalDateTime());
        // as wide as the dialog: at their own width the time half ran past a phone's edge
        start.setWidthFull();
        end.setWidthFull();
        dialog.add(new Paragraph(getTranslation("officeHours.host.moveHint")), start, end);
        Button save = new Button(getTranslation("officeHours.host.moveSave"), e -> {
            try {
                OfficeHoursService.Saved saved = sessions.move(s.id(), start.getValue(), end.getValue());
                saved.warnings().forEach(w -> FormErrors.notifyError(w.messageIn(getLocale())));
                dialog.close();
                refresh.run();
            } catch (UserFacingException ex) {
                FormErrors.show(this, ex, Map.of("start", start, "end", end));
            }
        });
        save.setId("move-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("officeHours.form.back"), e -> dialog.close()), save);
        dialog.setWidth("min(32em, 95vw)");
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
            refresh.run();
        });
        dialog.open();
    }
}
