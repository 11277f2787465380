package engawa.portal.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.notifications.NotificationService;
import engawa.portal.shared.ui.ItemPages;
import java.util.Map;
import java.util.function.Predicate;

/** Opening a notification: 404 for an id that is not one of this person's notifications. */
@org.springframework.stereotype.Component
class NotificationItemPages implements ItemPages {

    private final NotificationService notifications;

    NotificationItemPages(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        return Map.of(OpenNotification.class, address -> ItemPages.number(address, "id").map(notifications::isMine).orElse(false));
    }
}
