package engawa.portal.webhooks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import engawa.db.webhooks.AttemptRow;
import engawa.db.webhooks.DeliveryRow;
import engawa.db.webhooks.DeliveryStatus;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.PhoneColumns;
import engawa.portal.webhooks.DeliveryDetails;
import engawa.portal.webhooks.DeliveryLog;
import java.util.Arrays;
import java.util.List;

/** One delivery: where it went, its state, every attempt with the receiver's answer, and "Send again". */
final class DeliveryDialog extends Dialog {

    /** Opens the delivery with every attempt; after "Send again", {@code afterRedeliver} runs. */
    static void open(DeliveryLog log, long id, Runnable afterRedeliver) {
        DeliveryRow delivery;
        List<AttemptRow> attempts;
        try {
            DeliveryDetails details = log.details(id);
            delivery = details.delivery();
            attempts = details.attempts();
        } catch (UserFacingException error) {
            FormErrors.notifyError(error.messageIn(UI.getCurrent().getLocale()));
            return;
        }
        new DeliveryDialog(log, id, delivery, attempts, afterRedeliver).open();
    }

    private DeliveryDialog(DeliveryLog log, long id, DeliveryRow delivery, List<AttemptRow> attempts,
            Runnable afterRedeliver) {
        Dialog dialog = this;
        dialog.setId("delivery-details");
        dialog.setHeaderTitle(getTranslation("webhooks.delivery.title", delivery.eventType()));
        Div facts = new Div();
        facts.addClassName("delivery-facts");
        facts.add(fact("webhooks.status", status(this, delivery.status())),
                fact("webhooks.targetUrl", new Span(delivery.targetUrl())),
                fact("webhooks.eventId", new Span(delivery.eventId().toString())),
                fact("webhooks.when", new Span(Formats.dateTime(delivery.createdAt()))));
        if (delivery.status() == DeliveryStatus.FAILED && delivery.nextAttemptAt() != null) {
            facts.add(fact("webhooks.next", new Span(Formats.dateTime(delivery.nextAttemptAt()))));
        }
        if (delivery.status() == DeliveryStatus.DEAD && delivery.stoppedReason() != null) {
            facts.add(fact("webhooks.why", new Span(delivery.stoppedReason())));
        }
        Grid<AttemptRow> attemptGrid = new Grid<>();
        attemptGrid.setId("attempts-grid");
        var when = attemptGrid.addColumn(a -> Formats.dateTime(a.attemptedAt())).setHeader(getTranslation("webhooks.when"))
                .setWidth("12.5rem").setFlexGrow(0);
        var status = attemptGrid.addColumn(DeliveryDialog::httpStatus)
                .setHeader(getTranslation("webhooks.httpStatus")).setWidth("7rem").setFlexGrow(0);
        var latency = attemptGrid.addColumn(a -> a.latencyMs() + " ms").setHeader(getTranslation("webhooks.latency"))
                .setWidth("7rem").setFlexGrow(0);
        var response = attemptGrid.addComponentColumn(this::attemptDetail).setHeader(getTranslation("webhooks.response"))
                .setFlexGrow(1);
        // a phone: when, the answer's status and how long it took on one line, the answer under it
        var onPhones = attemptGrid.addComponentColumn(a -> {
            Span line = new Span(Formats.dateTime(a.attemptedAt()) + " · " + getTranslation("webhooks.httpStatus") + " "
                    + httpStatus(a) + " · " + a.latencyMs() + " ms");
            line.addClassName("hint");
            return new Div(line, attemptDetail(a));
        }).setHeader(getTranslation("webhooks.response"));
        PhoneColumns.use(attemptGrid, onPhones, when, status, latency, response);
        attemptGrid.setItems(attempts);
        attemptGrid.setEmptyStateText(getTranslation("webhooks.notTriedYet"));
        attemptGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        attemptGrid.setAllRowsVisible(true);
        dialog.add(facts, attemptGrid);
        Button redeliver = new Button(getTranslation("webhooks.redeliver"), VaadinIcon.REFRESH.create(), e -> {
            try {
                log.redeliver(id);
                FormErrors.notifySuccess(getTranslation("webhooks.redelivering"));
                dialog.close();
                afterRedeliver.run();
            } catch (UserFacingException error) {
                FormErrors.notifyError(error.messageIn(getLocale()));
            }
        });
        redeliver.setId("delivery-redeliver");
        redeliver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("webhooks.close"), e -> dialog.close());
        dialog.getFooter().add(close, redeliver);
        dialog.setWidth("min(56em, 95vw)");
    }

    private static String httpStatus(AttemptRow a) {
        return a.statusCode() == 0 ? "—" : Integer.toString(a.statusCode());
    }

    private Component attemptDetail(AttemptRow a) {
        Div cell = new Div();
        if (a.error() != null) {
            cell.add(new Span(a.error()));
        }
        if (a.responseExcerpt() != null && !a.responseExcerpt().isBlank()) {
            Pre excerpt = new Pre(a.responseExcerpt());
            excerpt.addClassName("response-excerpt");
            cell.add(excerpt);
        }
        if (a.error() == null && (a.responseExcerpt() == null || a.responseExcerpt().isBlank())) {
            cell.add(new Span(getTranslation("webhooks.emptyResponse")));
        }
        return cell;
    }

    private Div fact(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Div fact = new Div(label, value);
        fact.addClassName("fact");
        return fact;
    }

    static Span status(Component on, DeliveryStatus status) {
        Span badge = badge(statusLabel(on, status), statusTheme(status));
        badge.addClassName("delivery-status");
        return badge;
    }

    static String statusLabel(Component on, DeliveryStatus status) {
        return on.getTranslation("webhooks.delivery." + status.name());
    }

    static String statusTheme(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> "badge success";
            case FAILED -> "badge error";
            case DEAD -> "badge error primary";
            case PENDING -> "badge";
        };
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(Arrays.asList(theme.split(" ")));
        return badge;
    }
}
