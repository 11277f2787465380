package engawa.portal.notifications.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.portal.notifications.InboxSignals;
import engawa.portal.notifications.NotificationService;
import engawa.portal.notifications.NotificationService.Item;
import engawa.portal.notifications.Topic;
import engawa.portal.people.Callers;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inbox: what concerns the person, newest first, a page at a time as they scroll; unread ones
 * marked, filters by topic and unread, mark all as read. Opening one marks it read. What arrives
 * while it is open appears at once, as the bell's number does.
 */
@Route("notifications")
@PermitAll
public class NotificationsView extends Div implements HasDynamicTitle {

    private final NotificationService notifications;
    private final VirtualList<Item> list = new VirtualList<>();
    private final Select<Optional<Topic>> topic = new Select<>();
    private final Checkbox unreadOnly = new Checkbox();
    private final Paragraph empty = new Paragraph();
    private final Button readAll = new Button();
    /** How many the list holds, as counted by the last refresh. */
    private long total;

    NotificationsView(NotificationService notifications, InboxSignals signals, Callers callers) {
        this.notifications = notifications;
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("notifications.title"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("notifications-view");

        List<Optional<Topic>> topics = new ArrayList<>(List.of(Optional.empty()));
        for (Topic t : Topic.values()) {
            topics.add(Optional.of(t));
        }
        topic.setId("notifications-topic");
        topic.setLabel(getTranslation("notifications.filter.topic"));
        topic.setItems(topics);
        topic.setItemLabelGenerator(t -> t.map(x -> getTranslation("notify.topic." + x.id()))
                .orElse(getTranslation("notifications.filter.all")));
        topic.setValue(Optional.empty());
        topic.addValueChangeListener(e -> refresh());
        unreadOnly.setId("notifications-unread");
        unreadOnly.setLabel(getTranslation("notifications.filter.unread"));
        unreadOnly.addValueChangeListener(e -> refresh());
        readAll.setText(getTranslation("notifications.readAll"));
        readAll.setIcon(VaadinIcon.CHECK.create());
        readAll.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        readAll.setId("notifications-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        RouterLink settings = new RouterLink(getTranslation("notifications.settings"), NotificationPreferencesView.class);
        settings.setId("notifications-settings");
        HorizontalLayout filters = new HorizontalLayout(topic, unreadOnly, readAll, settings);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("toolbar");

        list.setId("notifications-list");
        list.setRenderer(new ComponentRenderer<Component, Item>(this::card));
        list.addClassName("notifications-list");
        empty.setId("notifications-empty");
        empty.addClassName("hint");
        add(filters, empty, list);
        // a page at a time from the database as the person scrolls, with the filters as they are set
        list.setDataProvider(com.vaadin.flow.data.provider.DataProvider.fromCallbacks(
                query -> notifications.page(unreadOnly.getValue(), topic(), VaadinSpringDataHelpers.toSpringPageRequest(query),
                        getLocale()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, total)));
        refresh();

        Long me = callers.current().userId();
        if (me != null) {
            InboxWatch.keepUpToDate(this, signals, me);
        }
    }

    @ClientCallable
    private void inboxChanged() {
        refresh();
    }

    private Topic topic() {
        return topic.getValue() == null ? null : topic.getValue().orElse(null);
    }

    /** Every change to what the list shows goes through here, so the list's size is counted once. */
    private void refresh() {
        boolean unread = unreadOnly.getValue();
        total = notifications.count(unread, topic());
        empty.setText(getTranslation(unread ? "notifications.none.unread" : "notifications.none"));
        empty.setVisible(total == 0);
        list.setVisible(total > 0);
        // nothing unread, nothing to mark: the button says so by standing idle
        readAll.setEnabled(notifications.unread() > 0);
        list.getDataProvider().refreshAll();
    }

    private Component card(Item item) {
        Anchor open = new Anchor("notifications/" + item.id() + "/open", item.text());
        open.addClassName("notification-text");
        Span when = new Span(Formats.dateTime(item.createdAt()));
        when.addClassName("hint");
        Span kind = new Span(getTranslation("notify.topic." + item.topic().id()));
        kind.getElement().getThemeList().add("badge contrast small");
        Div card = new Div(open, new Div(kind, new Span(" "), when));
        card.addClassName("notification");
        if (!item.read()) {
            card.addClassName("unread");
            Span dot = new Span(getTranslation("notifications.unread"));
            dot.getElement().getThemeList().add("badge primary small");
            card.addComponentAsFirst(dot);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.name");
    }
}
