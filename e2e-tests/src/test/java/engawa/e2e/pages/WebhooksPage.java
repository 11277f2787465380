package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

public class WebhooksPage {

    private final Page page;
    private final String baseUrl;

    public WebhooksPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public WebhooksPage open() {
        page.navigate(baseUrl + "/webhooks");
        page.locator("#subscriptions-grid").waitFor();
        return this;
    }

    public void chooseEvent(String eventId) {
        new VaadinSelect(page, "#webhook-event").choose(eventId);
    }

    /** Adds a subscription and returns the secret from the show-once dialog, then closes it. */
    public String add(String eventId, String url) {
        chooseEvent(eventId);
        page.locator("#webhook-url input").fill(url);
        page.locator("#webhook-add").click();
        Locator secret = page.locator("#new-webhook-secret input");
        secret.waitFor();
        String value = secret.inputValue();
        page.locator("#new-webhook-done").click();
        return value;
    }

    public void tryToAdd(String url) {
        page.locator("#webhook-url input").fill(url);
        page.locator("#webhook-add").click();
    }

    /** The event types this person may pick, as the list shows them. */
    public Locator eventChoices() {
        return new VaadinSelect(page, "#webhook-event").open();
    }

    public void closeEventChoices() {
        new VaadinSelect(page, "#webhook-event").close();
    }

    public Locator urlError() {
        return page.locator("#webhook-url [slot=error-message]");
    }

    public Locator subscriptions() {
        return page.locator("#subscriptions-grid");
    }

    public void sendTestEvent() {
        page.locator("#subscriptions-grid vaadin-button.webhook-test:visible").first().click();
    }

    public void deleteFirst() {
        page.locator("#subscriptions-grid vaadin-button.webhook-delete:visible").first().click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-confirm-dialog vaadin-button[slot=confirm-button]")
                .first().click();
    }

    public void openDeliveryLog() {
        page.locator("#tab-deliveries").click();
        page.locator("#deliveries-grid").waitFor();
    }

    public Locator deliveries() {
        return page.locator("#deliveries-grid");
    }

    public void refreshDeliveries() {
        page.locator("#deliveries-refresh").click();
    }

    public void filterBy(String statusLabel) {
        new VaadinSelect(page, "#delivery-status").choose(statusLabel);
    }

    /** Opens the newest delivery's details. */
    public Locator openNewestDelivery() {
        page.locator("#deliveries-grid vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions().setHasText("service.")).first().click();
        Locator details = page.locator("#attempts-grid");
        details.waitFor();
        return page.locator("vaadin-dialog-overlay, #delivery-details").first();
    }

    public Locator attempts() {
        return page.locator("#attempts-grid");
    }

    public void sendAgain() {
        page.locator("#delivery-redeliver").click();
    }
}
