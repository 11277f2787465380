package engawa.portal.webhooks.ui;

import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.Menu;
import engawa.portal.shared.ui.MenuGroup;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import engawa.db.webhooks.DeliveryRow;
import engawa.db.webhooks.DeliveryStatus;
import engawa.portal.shared.UserFacingException;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.GridHeights;
import engawa.portal.shared.ui.ListRow;
import engawa.portal.shared.ui.ListRowTemplate;
import engawa.portal.shared.ui.PhoneColumns;
import engawa.portal.shared.ui.Formats;
import engawa.portal.webhooks.DeliveryLog;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.NewSubscription;
import engawa.portal.webhooks.Subscription;
import engawa.portal.webhooks.WebhookSubscriptionService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook subscriptions and the delivery log: add a receiver (Zapier Catch Hook or any URL),
 * send it a test event, see every attempt and send again. People see their own; admins all.
 * The open tab and the status filter are in the URL, so a link shows the same view.
 */
@Route("webhooks")
@Menu(title = "nav.webhooks", order = 30, icon = "vaadin:connect")
@MenuGroup(MenuGroup.Group.ENGINEERS)
@PermitAll
public class WebhooksView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final String ALL = "ALL";

    private final WebhookSubscriptionService subscriptions;
    private final DeliveryLog log;
    private final boolean admin;
    private final Grid<Subscription> subscriptionGrid = new Grid<>();
    private final Grid<DeliveryRow> deliveryGrid = new Grid<>();
    private final Select<String> statusFilter = new Select<>();
    /*
     * Two parts shown one at a time, switched by two pressed/unpressed buttons: Vaadin's tab sheet
     * puts a focusable element inside its tab list, which screen readers (and axe-core) reject.
     */
    private final Button subscriptionsTab = new Button();
    private final Button deliveriesTab = new Button();
    private final Div subscriptionsPart = new Div();
    private final Div deliveriesPart = new Div();
    private boolean showingDeliveries;

    WebhooksView(WebhookSubscriptionService subscriptions, DeliveryLog log, CurrentPerson person) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.admin = person.isAdmin();
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("nav.webhooks"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("webhooks-view");

        add(new Paragraph(getTranslation("webhooks.intro")));
        if (admin) {
            Paragraph scope = new Paragraph(getTranslation("webhooks.adminScope"));
            scope.addClassName("hint");
            add(scope);
        }
        subscriptionsPart.add(subscriptionsPanel());
        deliveriesPart.add(deliveriesPanel());
        subscriptionsTab.setText(getTranslation("webhooks.tab.subscriptions"));
        deliveriesTab.setText(getTranslation("webhooks.tab.deliveries"));
        subscriptionsTab.setId("tab-subscriptions");
        deliveriesTab.setId("tab-deliveries");
        subscriptionsTab.addClickListener(e -> show(false));
        deliveriesTab.addClickListener(e -> {
            show(true);
            deliveryGrid.getDataProvider().refreshAll();
        });
        Div parts = new Div(subscriptionsTab, deliveriesTab);
        parts.addClassName("view-switch");
        parts.getElement().setAttribute("role", "group");
        parts.getElement().setAttribute("aria-label", getTranslation("nav.webhooks"));
        add(parts, subscriptionsPart, deliveriesPart);
        show(false);
    }

    private void show(boolean deliveries) {
        showingDeliveries = deliveries;
        subscriptionsPart.setVisible(!deliveries);
        deliveriesPart.setVisible(deliveries);
        subscriptionsTab.getElement().setAttribute("aria-pressed", String.valueOf(!deliveries));
        deliveriesTab.getElement().setAttribute("aria-pressed", String.valueOf(deliveries));
        subscriptionsTab.setThemeName(deliveries ? "contrast" : "primary");
        deliveriesTab.setThemeName(deliveries ? "primary" : "contrast");
        updateUrl();
    }

    private Component subscriptionsPanel() {
        Select<EventType> event = new Select<>();
        event.setId("webhook-event");
        event.setLabel(getTranslation("webhooks.event"));
        List<EventType> allowed = List.copyOf(subscriptions.subscribableTypes());
        event.setItems(allowed);
        event.setItemLabelGenerator(t -> t.id() + " · " + getTranslation("webhooks.eventType." + t.id()));
        event.setValue(allowed.getFirst());
        event.setWidth("22rem");
        TextField url = new TextField(getTranslation("webhooks.targetUrl"));
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.zapier.com/hooks/catch/…");
        url.setHelperText(getTranslation("webhooks.targetUrl.help"));
        url.setWidth("26rem");
        Button add = new Button(getTranslation("webhooks.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                NewSubscription created = subscriptions.subscribe(event.getValue() == null ? null : event.getValue().id(),
                        url.getValue());
                url.clear();
                url.setInvalid(false);
                GridHeights.fit(subscriptionGrid, subscriptions.count());
                subscriptionGrid.getDataProvider().refreshAll();
                showSecretOnce(created);
            } catch (UserFacingException error) {
                url.setErrorMessage(error.messageIn(getLocale()));
                url.setInvalid(true);
            }
        });
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(event, url, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        subscriptionGrid.setId("subscriptions-grid");
        List<Grid.Column<Subscription>> wide = new ArrayList<>();
        wide.add(subscriptionGrid.addColumn(Subscription::event).setHeader(getTranslation("webhooks.event")).setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(subscriptionGrid.addComponentColumn(this::target).setHeader(getTranslation("webhooks.targetUrl"))
                .setWidth("12rem").setFlexGrow(1));
        if (admin) {
            wide.add(subscriptionGrid.addColumn(s -> s.ownerName() != null ? s.ownerName() : getTranslation("webhooks.adminToken"))
                    .setHeader(getTranslation("webhooks.owner")).setAutoWidth(true).setFlexGrow(0));
        }
        wide.add(subscriptionGrid.addComponentColumn(this::subscriptionStatus).setHeader(getTranslation("webhooks.status"))
                .setWidth("10rem").setFlexGrow(0));
        wide.add(subscriptionGrid.addColumn(s -> Formats.date(s.createdAt())).setHeader(getTranslation("people.created"))
                .setAutoWidth(true).setFlexGrow(0));
        wide.add(subscriptionGrid.addComponentColumn(this::subscriptionActions).setAutoWidth(true).setFlexGrow(0));
        // a phone shows each subscription as lines: the event and how it goes, where it is sent, the buttons
        var onPhones = subscriptionGrid.addComponentColumn(s -> ListRow.of(s.event(), subscriptionStatus(s), target(s),
                subscriptionActions(s))).setHeader(getTranslation("webhooks.event"));
        PhoneColumns.use(subscriptionGrid, onPhones, wide.toArray(Grid.Column[]::new));
        // counted, so that a deleted subscription's row goes rather than staying as an empty row
        subscriptionGrid.setItems(query -> subscriptions.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, subscriptions.count()));
        subscriptionGrid.setEmptyStateText(getTranslation("webhooks.none"));
        subscriptionGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        GridHeights.fit(subscriptionGrid, subscriptions.count());
        H2 title = new H2(getTranslation(admin ? "webhooks.all" : "webhooks.yours"));
        title.addClassName("section-title");
        return new Div(form, title, subscriptionGrid);
    }

    private Component target(Subscription s) {
        Span url = new Span(s.targetUrl());
        url.addClassName("webhook-target");
        if (!s.zapier()) {
            return url;
        }
        Span zapier = DeliveryDialog.badge(getTranslation("webhooks.zapier"), "badge");
        zapier.setTitle(getTranslation("webhooks.zapier.note"));
        Div both = new Div(url, zapier);
        both.addClassName("webhook-target-cell");
        return both;
    }

    private Component subscriptionStatus(Subscription s) {
        if (s.enabled()) {
            return s.failingSince() == null ? DeliveryDialog.badge(getTranslation("webhooks.status.active"), "badge success")
                    : DeliveryDialog.badge(getTranslation("webhooks.status.failing", Formats.dateTime(s.failingSince())), "badge error");
        }
        Span off = DeliveryDialog.badge(getTranslation("webhooks.status.off"), "badge contrast");
        Span reason = new Span(s.disabledReason());
        reason.addClassName("webhook-off-reason");
        return new Div(off, reason);
    }

    private Component subscriptionActions(Subscription s) {
        Button test = new Button(getTranslation("webhooks.sendTest"), VaadinIcon.PAPERPLANE_O.create(), e -> act(() -> {
            subscriptions.sendTest(s.id());
            FormErrors.notifySuccess(getTranslation("webhooks.testSent"));
        }));
        test.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        test.addClassName("webhook-test");
        test.setVisible(s.enabled());
        Button on = new Button(getTranslation("webhooks.turnOn"), e -> act(() -> {
            subscriptions.enable(s.id());
            FormErrors.notifySuccess(getTranslation("webhooks.turnedOn"));
        }));
        on.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        on.addClassName("webhook-turn-on");
        on.setVisible(!s.enabled());
        Button delete = new Button(getTranslation("webhooks.delete"), e -> confirmDelete(s));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.addClassName("webhook-delete");
        HorizontalLayout actions = new HorizontalLayout(test, on, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void confirmDelete(Subscription s) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("webhooks.delete.title"),
                getTranslation("webhooks.delete.text", s.event(), s.targetUrl()), getTranslation("webhooks.delete"),
                ok -> act(() -> {
                    subscriptions.unsubscribe(s.id());
                    FormErrors.notifySuccess(getTranslation("webhooks.deleted"));
                }));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /**
     * Runs an action on a subscription and shows the list as it now is; a refusal (someone else
     * deleted it meanwhile, the test limit) is shown as a message rather than an error page.
     */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (UserFacingException error) {
            FormErrors.notifyError(error.messageIn(getLocale()));
        }
        GridHeights.fit(subscriptionGrid, subscriptions.count());
        subscriptionGrid.getDataProvider().refreshAll();
    }

    private void showSecretOnce(NewSubscription created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("webhooks.created.title"));
        dialog.setCloseOnOutsideClick(false);
        TextField value = new TextField();
        value.setId("new-webhook-secret");
        value.setValue(created.secret());
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("token-value");
        Button copy = new Button(getTranslation("tokens.copy"), VaadinIcon.COPY_O.create(), e -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.secret());
            FormErrors.notifySuccess(getTranslation("tokens.copied"));
        });
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        dialog.add(new Paragraph(getTranslation("webhooks.created.text", created.subscription().event(),
                created.subscription().targetUrl())), row, new Paragraph(getTranslation("webhooks.created.secret")));
        if (created.subscription().zapier()) {
            dialog.add(new Paragraph(getTranslation("webhooks.zapier.note")));
        }
        Button done = new Button(getTranslation("tokens.created.done"), e -> dialog.close());
        done.setId("new-webhook-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("min(42em, 95vw)");
        dialog.open();
    }

    private Component deliveriesPanel() {
        statusFilter.setId("delivery-status");
        statusFilter.setLabel(getTranslation("webhooks.status"));
        statusFilter.setItems(ALL, DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(),
                DeliveryStatus.DELIVERED.name(), DeliveryStatus.DEAD.name());
        statusFilter.setItemLabelGenerator(s -> getTranslation("webhooks.delivery." + s));
        statusFilter.setValue(ALL);
        statusFilter.addValueChangeListener(e -> {
            deliveryGrid.getDataProvider().refreshAll();
            updateUrl();
        });
        Button refresh = new Button(getTranslation("webhooks.refresh"), VaadinIcon.REFRESH.create(),
                e -> deliveryGrid.getDataProvider().refreshAll());
        refresh.setId("deliveries-refresh");
        HorizontalLayout bar = new HorizontalLayout(statusFilter, refresh);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        deliveryGrid.setId("deliveries-grid");
        var when = deliveryGrid.addColumn(d -> Formats.dateTime(d.createdAt())).setHeader(getTranslation("webhooks.when"))
                .setWidth("12.5rem").setFlexGrow(0);
        var event = deliveryGrid.addComponentColumn(this::eventCell).setHeader(getTranslation("webhooks.event")).setAutoWidth(true)
                .setFlexGrow(0);
        var target = deliveryGrid.addColumn(DeliveryRow::targetUrl).setHeader(getTranslation("webhooks.targetUrl")).setFlexGrow(1);
        var status = deliveryGrid.addComponentColumn(d -> DeliveryDialog.status(this, d.status()))
                .setHeader(getTranslation("webhooks.status")).setWidth("9rem").setFlexGrow(0);
        var attempts = deliveryGrid.addColumn(DeliveryRow::attempts).setHeader(getTranslation("webhooks.attempts")).setWidth("7rem")
                .setFlexGrow(0);
        var lastResult = deliveryGrid.addColumn(this::lastResult).setHeader(getTranslation("webhooks.lastResult")).setFlexGrow(1);
        // a phone shows each delivery as lines: what and how it went, when and the last answer; a tap opens the rest
        var onPhones = deliveryGrid.addColumn(ListRowTemplate.<DeliveryRow>of()
                .withProperty("title", DeliveryRow::eventType)
                .withProperty("badge", d -> DeliveryDialog.statusLabel(this, d.status()))
                .withProperty("badgeTheme", d -> DeliveryDialog.statusTheme(d.status()))
                .withProperty("tag", d -> d.test() ? getTranslation("webhooks.test") : "")
                .withProperty("hint", d -> Formats.dateTime(d.createdAt()) + " · " + lastResult(d)))
                .setHeader(getTranslation("webhooks.event"));
        PhoneColumns.use(deliveryGrid, onPhones, when, event, target, status, attempts, lastResult);
        deliveryGrid.setItems(query -> log.list(selectedStatus(), null, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        deliveryGrid.setEmptyStateText(getTranslation("webhooks.deliveries.none"));
        deliveryGrid.addItemClickListener(e -> showDelivery(e.getItem().id()));
        deliveryGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        deliveryGrid.setHeight("32rem");
        Paragraph hint = new Paragraph(getTranslation("webhooks.deliveries.hint"));
        hint.addClassName("hint");
        return new Div(bar, hint, deliveryGrid);
    }

    private Component eventCell(DeliveryRow d) {
        Span type = new Span(d.eventType());
        if (!d.test()) {
            return type;
        }
        Div both = new Div(type, DeliveryDialog.badge(getTranslation("webhooks.test"), "badge"));
        both.addClassName("webhook-target-cell");
        return both;
    }

    /** The status code when there was an answer, else why not (timeout, refused); the attempts hold the rest. */
    private String lastResult(DeliveryRow d) {
        if (d.lastAttemptAt() == null) {
            return d.stoppedReason() != null ? d.stoppedReason() : getTranslation("webhooks.notTriedYet");
        }
        String result = d.lastStatusCode() != null && d.lastStatusCode() > 0 ? "HTTP " + d.lastStatusCode()
                : d.lastError() == null ? "" : d.lastError();
        String next = d.status() == DeliveryStatus.FAILED && d.nextAttemptAt() != null
                ? " · " + getTranslation("webhooks.nextAttempt", Formats.dateTime(d.nextAttemptAt())) : "";
        return result + next;
    }

    private void showDelivery(long id) {
        DeliveryDialog.open(log, id, () -> deliveryGrid.getDataProvider().refreshAll());
    }

    private DeliveryStatus selectedStatus() {
        String value = statusFilter.getValue();
        return value == null || ALL.equals(value) ? null : DeliveryStatus.valueOf(value);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Optional<String> status = parameters.getOrDefault("status", List.of()).stream().findFirst()
                .map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> Arrays.stream(DeliveryStatus.values()).anyMatch(d -> d.name().equals(s)));
        status.ifPresent(statusFilter::setValue);
        boolean deliveries = parameters.getOrDefault("tab", List.of()).contains("deliveries") || status.isPresent();
        show(deliveries);
    }

    private void updateUrl() {
        getUI().ifPresent(ui -> {
            boolean deliveries = showingDeliveries;
            QueryParameters query = !deliveries ? QueryParameters.empty()
                    : selectedStatus() == null ? QueryParameters.of("tab", "deliveries")
                    : QueryParameters.simple(Map.of("tab", "deliveries", "status", selectedStatus().name().toLowerCase(Locale.ROOT)));
            ui.getPage().getHistory().replaceState(null, new com.vaadin.flow.router.Location("webhooks", query));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.webhooks") + " · " + getTranslation("app.name");
    }
}
