package engawa.portal.notifications.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import engawa.portal.notifications.NotificationService;
import jakarta.annotation.security.PermitAll;

/**
 * Opening a notification (from the inbox, the bell or an e-mail) marks it read and goes on to the
 * page it is about. Someone else's notification is not found.
 */
@Route("notifications/:id/open")
@PermitAll
public class OpenNotification extends Div implements BeforeEnterObserver {

    private final NotificationService notifications;

    OpenNotification(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.forwardTo(NotificationsView.class);
            return;
        }
        String link = notifications.open(id);
        event.forwardTo(link.startsWith("/") ? link.substring(1) : link);
    }
}
