package engawa.portal.notifications.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.notifications.InboxSignals;
import engawa.portal.notifications.NotificationService;
import engawa.portal.people.Callers;
import engawa.portal.shared.ui.HeaderItem;
import java.util.Optional;

/**
 * The bell in the header: how many notifications are unread, updated as they arrive (server push,
 * from any instance, through {@link InboxWatch}: the browser asks again with the person's rights of
 * that moment), announced politely to screen readers; a click opens the inbox.
 */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderItem {

    private static final String ZONE_LEARNT = NotificationBell.class.getName() + ".zone";

    private final NotificationService notifications;
    private final InboxSignals signals;
    private final Callers callers;

    NotificationBell(NotificationService notifications, InboxSignals signals, Callers callers) {
        this.notifications = notifications;
        this.signals = signals;
        this.callers = callers;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<Component> create() {
        Long me = callers.current().userId();
        if (me == null) {
            return Optional.empty();
        }
        Bell bell = new Bell(notifications);
        InboxWatch.keepUpToDate(bell, signals, me);
        bell.addAttachListener(attached -> learnZone(attached.getUI()));
        return Optional.of(bell);
    }

    /** The button, its number and what a screen reader hears when the number changes. */
    private static final class Bell extends HorizontalLayout {

        private final NotificationService notifications;
        private final Button button = new Button(VaadinIcon.BELL_O.create());
        private final Span count = new Span();
        private final Span announce = new Span();

        Bell(NotificationService notifications) {
            this.notifications = notifications;
            count.setId("bell-count");
            count.addClassName("bell-count");
            button.setId("bell");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
            // read out when the number changes, without moving the focus
            announce.addClassName("visually-hidden");
            announce.getElement().setAttribute("aria-live", "polite");
            add(button, count, announce);
            setSpacing(false);
            addClassName("bell");
            show(false);
        }

        @ClientCallable
        private void inboxChanged() {
            show(true);
        }

        private void show(boolean changed) {
            long unread = notifications.unread();
            // empty (and hidden by CSS) at zero: an invisible component would not reach the browser at all
            count.setText(unread == 0 ? "" : unread > 99 ? "99+" : String.valueOf(unread));
            button.getElement().setAttribute("data-unread", String.valueOf(unread));
            String label = unread == 0 ? getTranslation("bell.none") : getTranslation("bell.unread", unread);
            button.setAriaLabel(label);
            button.setTooltipText(label);
            if (changed) {
                announce.setText(label);
            }
        }
    }

    /**
     * The browser's time zone and language, so that e-mails keep quiet hours, the digest comes on
     * the person's Monday, and both are in the language they read Engawa in (until they choose one).
     */
    private void learnZone(UI ui) {
        VaadinSession session = ui.getSession();
        if (session.getAttribute(ZONE_LEARNT) == null) {
            session.setAttribute(ZONE_LEARNT, Boolean.TRUE);
            ui.getPage().retrieveExtendedClientDetails(details -> notifications.learnBrowser(details.getTimeZoneId(),
                    ui.getLocale()));
        }
    }
}
