package engawa.portal.notifications.ui;

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
 * from any instance), announced politely to screen readers; a click opens the inbox.
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
        Span count = new Span();
        count.setId("bell-count");
        count.addClassName("bell-count");
        Button bell = new Button(VaadinIcon.BELL_O.create());
        bell.setId("bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClickListener(e -> bell.getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        // read out when the number changes, without moving the focus
        Span announce = new Span();
        announce.addClassName("visually-hidden");
        announce.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout box = new HorizontalLayout(bell, count, announce);
        box.setSpacing(false);
        box.addClassName("bell");
        show(bell, count, announce, notifications.unread(), false);
        bell.addAttachListener(attached -> {
            UI ui = attached.getUI();
            learnZone(ui);
            Runnable stop = signals.listen(me, id -> ui.access(() -> show(bell, count, announce, notifications.unreadOf(me), true)));
            bell.addDetachListener(detached -> {
                stop.run();
                detached.unregisterListener();
            });
        });
        return Optional.of(box);
    }

    private static void show(Button bell, Span count, Span announce, long unread, boolean changed) {
        // empty (and hidden by CSS) at zero: an invisible component would not reach the browser at all
        count.setText(unread == 0 ? "" : unread > 99 ? "99+" : String.valueOf(unread));
        bell.getElement().setAttribute("data-unread", String.valueOf(unread));
        String label = unread == 0 ? bell.getTranslation("bell.none") : bell.getTranslation("bell.unread", unread);
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
        if (changed) {
            announce.setText(label);
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
