package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.AdminPages;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.Shell;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OffboardingJourneyIT extends BrowserJourney {

    @Test
    void an_admin_disables_someone_who_is_signed_in_and_they_are_out_at_their_next_step() throws Exception {
        try (BrowserContext samsBrowser = browser.newContext(contextOptions())) {
            Page sam = samsBrowser.newPage();
            new LoginPage(sam).open(portal.baseUrl()).signInAs("sam", "engawa-demo-sam");
            assertThat(sam.locator("#home-greeting")).containsText("Sam Okafor");

            new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
            AdminPages admin = new AdminPages(page, portal.baseUrl()).openPeople();
            Locator samsAccess = page.locator("vaadin-button.user-access[data-username=sam]");
            samsAccess.click();
            page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-confirm-dialog vaadin-button[slot=confirm-button]")
                    .first().click();
            assertThat(admin.peopleGrid()).containsText("Disabled");
            assertThat(page.locator("vaadin-button.user-access[data-username=admin]")).isDisabled();
            page.waitForTimeout(500); // let the refreshed grid settle for the picture
            screenshot("sam-disabled");

            sam.navigate(portal.baseUrl() + "/office-hours");
            assertThat(sam).hasURL(Pattern.compile(".*/login.*"));
            LoginPage samLogin = new LoginPage(sam);
            samLogin.signInAs("sam", "engawa-demo-sam");
            assertThat(samLogin.error("The username or password is not right")).isVisible();

            samsAccess.click();
            assertThat(samsAccess).hasText("Disable");
            samLogin.signInAs("sam", "engawa-demo-sam");
            // enabled again, sam lands where he was going when his session ended
            assertThat(sam).hasURL(Pattern.compile(".*/office-hours(\\?continue)?$"));
            assertThat(new Shell(sam).personMenu()).containsText("Sam Okafor");
        } finally {
            restore("sam");
        }
    }

    @Test
    void a_demoted_admin_loses_admin_rights_at_their_next_step_not_at_their_next_sign_in() throws Exception {
        try (BrowserContext kenjisBrowser = browser.newContext(contextOptions())) {
            AdminPages admin = adminMakesKenjiAnAdmin();
            Page kenji = kenjiOpensThePeoplePage(kenjisBrowser);
            assertThat(kenji.locator("#users-grid")).isVisible();

            page.locator("vaadin-button.user-role[data-username=kenji]").click();
            assertThat(admin.peopleGrid().locator("vaadin-button.user-role[data-username=kenji]")).hasText("Make admin");

            kenji.navigate(portal.baseUrl() + "/admin/teams");
            assertThat(kenji).hasURL(Pattern.compile(".*/login.*"));
            new LoginPage(kenji).signInAs("kenji", "engawa-owner");
            kenji.navigate(portal.baseUrl() + "/admin/users");
            assertThat(kenji.locator("#access-denied")).isVisible();
        } finally {
            restore("kenji");
        }
    }

    @Test
    void a_demoted_admins_click_in_a_page_they_still_have_open_is_refused() throws Exception {
        try (BrowserContext kenjisBrowser = browser.newContext(contextOptions())) {
            AdminPages admin = adminMakesKenjiAnAdmin();
            Page kenji = kenjiOpensThePeoplePage(kenjisBrowser);
            Locator makeSamAdmin = kenji.locator("vaadin-button.user-role[data-username=sam]");
            assertThat(makeSamAdmin).hasText("Make admin");

            // the other admin demotes kenji while his page stays open
            page.locator("vaadin-button.user-role[data-username=kenji]").click();
            assertThat(admin.peopleGrid().locator("vaadin-button.user-role[data-username=kenji]")).hasText("Make admin");

            makeSamAdmin.click();
            assertThat(kenji).hasURL(Pattern.compile(".*/login.*"));
            HttpResponse<String> sam = adminApi("GET", "/api/v1/users/sam", null);
            org.assertj.core.api.Assertions.assertThat(sam.body()).contains("\"role\":\"MEMBER\"");
        } finally {
            restore("kenji");
        }
    }

    /** Later journeys sign in as the demo people: they find them as the demo made them, whatever failed here. */
    private static void restore(String username) throws Exception {
        HttpResponse<String> restored = adminApi("PATCH", "/api/v1/users/" + username, "{\"enabled\": true, \"role\": \"member\"}");
        if (restored.statusCode() != 200) {
            throw new AssertionError("Could not restore " + username + ": " + restored.body());
        }
    }

    /** The admin, in this test's own browser, makes kenji an admin on the People page. */
    private AdminPages adminMakesKenjiAnAdmin() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        AdminPages admin = new AdminPages(page, portal.baseUrl()).openPeople();
        page.locator("vaadin-button.user-role[data-username=kenji]").click();
        assertThat(admin.peopleGrid().locator("vaadin-button.user-role[data-username=kenji]")).hasText("Make member");
        return admin;
    }

    /** Kenji, now an admin, signs in in his own browser and opens the People page. */
    private Page kenjiOpensThePeoplePage(BrowserContext kenjisBrowser) {
        Page kenji = kenjisBrowser.newPage();
        new LoginPage(kenji).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        kenji.navigate(portal.baseUrl() + "/admin/users");
        return kenji;
    }
}
