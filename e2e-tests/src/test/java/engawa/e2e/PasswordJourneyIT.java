package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.AdminPages;
import engawa.e2e.pages.LoginPage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Passwords as people meet them: an admin resets a forgotten one and hands over a temporary
 * password, its owner replaces it at once, on a phone, in Japanese; and guessing is slowed down
 * with a message that says how long to wait.
 */
class PasswordJourneyIT extends BrowserJourney {

    static final AtomicInteger NAMES = new AtomicInteger();

    @Test
    void an_admin_resets_a_forgotten_password_and_its_owner_picks_a_new_one_on_a_phone_in_japanese() {
        String username = "rin-" + NAMES.incrementAndGet();
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        AdminPages admin = new AdminPages(page, portal.baseUrl()).openPeople();
        admin.createPerson(username, "Rin Ito", username + "@example.com", "rin's first password");
        assertThat(admin.peopleGrid()).containsText(username + "@example.com");

        page.locator("vaadin-button.user-reset[data-username=" + username + "]").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-confirm-dialog vaadin-button[slot=confirm-button]")
                .first().click();
        assertThat(page.locator("#temporary-password input")).hasValue(Pattern.compile("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        String temporary = page.locator("#temporary-password input").inputValue();
        screenshot("temporary-password");

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setTimezoneId("Asia/Tokyo"))) {
            Page rin = phone.newPage();
            LoginPage login = new LoginPage(rin).open(portal.baseUrl());
            login.signInAs(username, "rin's first password");
            assertThat(login.error("ユーザー名またはパスワードが正しくありません")).isVisible();
            login.signInAs(username, temporary);
            assertThat(rin.locator("#password-must-change")).containsText("自分のパスワードを決めてください");
            screenshotOf(rin, "phone-ja-must-change");

            rin.locator("#password-current input").fill(temporary);
            rin.locator("#password-new input").fill("rins own long passphrase");
            rin.locator("#password-again input").fill("rins own long passphrase typo");
            rin.locator("#password-save").click();
            assertThat(rin.locator("#password-again")).containsText("一致しません");
            rin.locator("#password-again input").fill("rins own long passphrase");
            rin.locator("#password-save").click();
            assertThat(rin.locator("#home-greeting")).containsText("Rin Ito");
            screenshotOf(rin, "phone-ja-home-after-change");
        }
    }

    @Test
    void after_five_wrong_passwords_the_form_says_how_long_to_wait() {
        LoginPage login = new LoginPage(page).open(portal.baseUrl());
        String nobody = "guess-" + NAMES.incrementAndGet();
        for (int i = 0; i < 6; i++) {
            login.signInAs(nobody, "not the password " + i);
            assertThat(login.error("The username or password is not right")).isVisible();
        }
        login.signInAs(nobody, "not the password 7");
        assertThat(login.error("Too many tries that did not work. Wait 1 minute(s)")).isVisible();
        screenshot("blocked");
    }
}
