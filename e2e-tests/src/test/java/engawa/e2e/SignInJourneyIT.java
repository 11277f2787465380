package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import engawa.e2e.pages.HomePage;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.Shell;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignInJourneyIT extends BrowserJourney {

    @Test
    void a_wrong_password_shows_a_clear_error_and_stays_on_the_login_page() {
        LoginPage login = new LoginPage(page).open(portal.baseUrl());
        login.signInAs("hana", "not-her-password");

        assertThat(login.error("The username or password is not right")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(login.username()).isVisible();
        // she retypes the password only: her username stayed and the cursor waits in the password field
        assertThat(login.username()).hasValue("hana");
        assertThat(login.password()).isFocused();
        page.keyboard().type("engawa-staff");
        page.keyboard().press("Enter");
        assertThat(page.locator("#home-greeting")).isVisible();
    }

    @Test
    void a_staff_member_signs_in_and_sees_home_with_her_team() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");

        HomePage home = new HomePage(page);
        assertThat(home.greeting()).hasText("Welcome, Hana Sato");
        assertThat(home.teams()).containsText("Finance & Operations");
        Shell shell = new Shell(page);
        assertThat(shell.navItem("Catalog")).isVisible();
        assertThat(shell.navItem("Office hours")).isVisible();
        assertThat(shell.navItem("Recipes")).isVisible();
        assertThat(shell.personMenu()).containsText("Hana Sato");
    }

    @Test
    void a_deep_link_opened_signed_out_goes_to_login_and_comes_back_after_signing_in() {
        page.navigate(portal.baseUrl() + "/tokens");
        LoginPage login = new LoginPage(page);
        assertThat(login.username()).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        login.signInAs("kenji", "engawa-owner");

        // Spring Security marks a resumed request with ?continue
        assertThat(page).hasURL(Pattern.compile(".*/tokens(\\?continue)?$"));
        assertThat(page.locator("#tokens-grid")).isVisible();
    }

    @Test
    void the_menu_leads_to_office_hours_in_the_readers_time_zone() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        new Shell(page).navItem("Office hours").click();

        assertThat(page.locator("h1")).hasText("Office hours");
        assertThat(page.locator("#zone-note")).containsText("Asia/Tokyo");
    }

    @Test
    void signing_out_returns_to_the_login_page() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        Shell shell = new Shell(page);
        assertThat(shell.personMenu()).isVisible();

        shell.signOut("Sign out");

        assertThat(new LoginPage(page).username()).isVisible();
        page.navigate(portal.baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void on_a_phone_the_menu_folds_away_and_opens_with_the_menu_button() {
        page.setViewportSize(390, 844);
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        assertThat(page.locator("#home-greeting")).isVisible();
        Shell shell = new Shell(page);
        assertThat(shell.navItem("Office hours")).not().isInViewport();
        screenshot("phone-home");

        page.locator("vaadin-drawer-toggle").click();

        assertThat(shell.navItem("Office hours")).isInViewport();
        shell.navItem("Office hours").click();
        assertThat(page.locator("h1")).hasText("Office hours");
        assertThat(page.locator("#sessions .session-card").first()).isInViewport();
        screenshot("phone-office-hours");
    }
}
