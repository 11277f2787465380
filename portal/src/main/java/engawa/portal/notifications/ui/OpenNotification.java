package engawa.portal.notifications.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.notifications.NotificationService;
import engawa.portal.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;

/**
 * Opening a notification (from the inbox, the bell or an e-mail) marks it read and goes on to the
 * page it is about. Someone else's notification (an e-mail forwarded, or opened while signed in
 * with another account) is not found, and the page says so with the way to one's own.
 */
@Route("notifications/:id/open")
@PermitAll
public class OpenNotification extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final NotificationService notifications;

    OpenNotification(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String link;
        try {
            link = notifications.open(Long.parseLong(event.getRouteParameters().get("id").orElse("")));
        } catch (NumberFormatException | UserFacingException notMine) {
            if (notMine instanceof UserFacingException e && e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            removeAll();
            Paragraph why = new Paragraph(getTranslation("notifications.open.notFound.text"));
            why.setId("notification-not-found");
            RouterLink inbox = new RouterLink(getTranslation("notifications.open.notFound.back"), NotificationsView.class);
            add(new H1(getTranslation("notifications.open.notFound.title")), why, inbox);
            return;
        }
        event.forwardTo(link.startsWith("/") ? link.substring(1) : link);
    }

    @Override
    public String getPageTitle() {
        // only drawn when the notification is not found: else the person is on their way to its page
        return getTranslation("notifications.open.notFound.title") + " · " + getTranslation("app.name");
    }
}
