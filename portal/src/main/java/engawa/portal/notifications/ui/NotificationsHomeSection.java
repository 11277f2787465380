package engawa.portal.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.notifications.NotificationService;
import engawa.portal.notifications.NotificationService.Item;
import engawa.portal.shared.ui.HomeSection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/** First on Home: what is new for the person, when there is anything. */
@org.springframework.stereotype.Component
class NotificationsHomeSection implements HomeSection {

    private final NotificationService notifications;

    NotificationsHomeSection(NotificationService notifications) {
        this.notifications = notifications;
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
        if (notifications.unread() == 0) {
            return Optional.empty();
        }
        List<Item> unread = notifications.page(true, null, PageRequest.of(0, 5), com.vaadin.flow.component.UI.getCurrent().getLocale());
        UnorderedList list = new UnorderedList();
        unread.forEach(item -> list.add(new ListItem(new Anchor("notifications/" + item.id() + "/open", item.text()))));
        Div box = new Div(new H2(home.getTranslation("home.forYou.new", notifications.unread())), list,
                new RouterLink(home.getTranslation("home.forYou.all"), NotificationsView.class));
        box.setId("home-notifications");
        box.addClassName("home-box");
        return Optional.of(box);
    }
}
