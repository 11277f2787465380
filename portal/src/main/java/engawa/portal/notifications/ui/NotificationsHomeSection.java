package engawa.portal.notifications.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.notifications.InboxSignals;
import engawa.portal.notifications.NotificationService;
import engawa.portal.notifications.NotificationService.Item;
import engawa.portal.people.Callers;
import engawa.portal.shared.ui.HomeSection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/**
 * First on Home: what is new for the person, when there is anything; what arrives while Home is
 * open appears at once.
 */
@org.springframework.stereotype.Component
class NotificationsHomeSection implements HomeSection {

    private final NotificationService notifications;
    private final InboxSignals signals;
    private final Callers callers;

    NotificationsHomeSection(NotificationService notifications, InboxSignals signals, Callers callers) {
        this.notifications = notifications;
        this.signals = signals;
        this.callers = callers;
    }

    @Override
    public Place place() {
        return Place.FOR_YOU;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<Component> create(Component home) {
        Long me = callers.current().userId();
        if (me == null) {
            return Optional.empty();
        }
        UnreadOnHome box = new UnreadOnHome(notifications);
        InboxWatch.keepUpToDate(box, signals, me);
        return Optional.of(box);
    }

    /** The newest unread notifications; empty (and not shown) when everything is read. */
    static final class UnreadOnHome extends Div {

        private final NotificationService notifications;

        UnreadOnHome(NotificationService notifications) {
            this.notifications = notifications;
            setId("home-notifications");
            addClassName("home-box");
            show();
        }

        @ClientCallable
        private void inboxChanged() {
            show();
        }

        private void show() {
            removeAll();
            long unread = notifications.unread();
            if (unread == 0) {
                return;
            }
            List<Item> newest = notifications.page(true, null, PageRequest.of(0, 5), getLocale());
            UnorderedList list = new UnorderedList();
            newest.forEach(item -> list.add(new ListItem(new Anchor("notifications/" + item.id() + "/open", item.text()))));
            add(new H2(getTranslation("home.forYou.new", unread)), list,
                    new RouterLink(getTranslation("home.forYou.all"), NotificationsView.class));
        }
    }
}
