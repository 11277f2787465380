package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.WebhooksPage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A staff member connects a receiver (as they would a Zapier Catch Hook), tries it, reads the log. */
class WebhooksJourneyIT extends BrowserJourney {

    private final LocalReceiver receiver = new LocalReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void someone_adds_a_receiver_sends_a_test_event_and_sees_it_delivered_then_failing_then_sent_again() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        WebhooksPage webhooks = new WebhooksPage(page, portal.baseUrl());
        // the engineers' pages have their own list in the side navigation, folded for her: she opens it
        new engawa.e2e.pages.Shell(page).openGroup("For engineers");
        new engawa.e2e.pages.Shell(page).navItem("Webhooks").click();
        page.locator("#subscriptions-grid").waitFor();
        assertThat(webhooks.subscriptions()).containsText("No subscriptions yet");
        screenshot("empty");

        String secret = webhooks.add("service.created", receiver.url("/hooks/catch/1/abc/"));
        assertThat(secret).startsWith("whsec_");
        assertThat(webhooks.subscriptions()).containsText("service.created");
        assertThat(webhooks.subscriptions()).containsText("Active");
        assertThat(webhooks.subscriptions()).not().containsText(secret);

        webhooks.sendTestEvent();
        awaitReceived(1);
        assertThat(receiver.received().getFirst().body()).contains("\"test\": true").contains("\"type\":\"service.created\"");
        webhooks.openDeliveryLog();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/webhooks\\?tab=deliveries$"));
        refreshUntil(webhooks, "Delivered");
        webhooks.openNewestDelivery();
        assertThat(webhooks.attempts()).containsText("200");
        assertThat(webhooks.attempts()).containsText("ms");
        screenshot("delivered");
        page.keyboard().press("Escape");

        receiver.answer(500);
        page.locator("#tab-subscriptions").click();
        webhooks.sendTestEvent();
        webhooks.openDeliveryLog();
        refreshUntil(webhooks, "Failed, will retry");
        assertThat(webhooks.deliveries()).containsText("HTTP 500");
        webhooks.filterBy("Failed, will retry");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*status=failed.*"));
        webhooks.openNewestDelivery();
        assertThat(webhooks.attempts()).containsText("500");
        screenshot("failed");

        receiver.answer(200);
        webhooks.sendAgain();
        awaitReceived(2);
        webhooks.filterBy("Delivered");
        refreshUntilCount(webhooks, 2);
        screenshot("sent-again");

        // on her phone the log reads as lines, and a test event still says it was one
        page.setViewportSize(390, 844);
        Locator newest = page.locator("#deliveries-grid .list-row:visible").first();
        assertThat(newest).containsText("service.created");
        assertThat(newest).containsText("Delivered");
        assertThat(newest).containsText("Test");
        screenshot("phone-log");
    }

    @Test
    void an_internal_address_is_refused_with_a_reason_and_nothing_is_added() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        WebhooksPage webhooks = new WebhooksPage(page, portal.baseUrl()).open();

        webhooks.tryToAdd("https://169.254.169.254/latest/meta-data/");

        assertThat(webhooks.urlError()).containsText("internal address");
        assertThat(webhooks.subscriptions()).containsText("No subscriptions yet");
        webhooks.tryToAdd("hooks.zapier.com/hooks/catch/1/abc");
        assertThat(webhooks.urlError()).containsText("is not a complete URL");
        screenshot("refused");
    }

    @Test
    void a_member_cannot_pick_everyones_recipe_runs_and_an_admin_sees_everyones_subscriptions() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("sam", "engawa-demo-sam");
        WebhooksPage webhooks = new WebhooksPage(page, portal.baseUrl()).open();
        Locator choices = webhooks.eventChoices();
        assertThat(choices.filter(new Locator.FilterOptions().setHasText("service.updated"))).hasCount(1);
        assertThat(choices.filter(new Locator.FilterOptions().setHasText("recipe.run.requested"))).hasCount(0);
        // office-hours events are offered: a member's subscription watches their own sign-ups only
        assertThat(choices.filter(new Locator.FilterOptions().setHasText("session.signup.created"))).hasCount(1);
        webhooks.closeEventChoices();
        webhooks.add("service.updated", receiver.url("/sam"));

        context.clearCookies();
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        new WebhooksPage(page, portal.baseUrl()).open();
        assertThat(webhooks.subscriptions()).containsText("Sam");
        assertThat(webhooks.subscriptions()).containsText(receiver.url("/sam"));
        screenshot("admin");
        webhooks.deleteFirst();
        assertThat(webhooks.subscriptions()).not().containsText(receiver.url("/sam"));
    }

    private void awaitReceived(int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(count));
    }

    /** The deliveries list shows what it held when drawn; "Refresh" is how a person sees a delivery that went out since. */
    private void refreshUntil(WebhooksPage webhooks, String text) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            webhooks.refreshDeliveries();
            return webhooks.deliveries().innerText().contains(text);
        });
    }

    private void refreshUntilCount(WebhooksPage webhooks, int rows) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            webhooks.refreshDeliveries();
            return deliveredRows(webhooks) == rows;
        });
    }

    private static int deliveredRows(WebhooksPage webhooks) {
        return webhooks.deliveries().locator("vaadin-grid-cell-content span.delivery-status:visible").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Delivered")).count();
    }
}
