package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.Shell;
import org.junit.jupiter.api.Test;

class LanguageJourneyIT extends BrowserJourney {

    @Test
    void switching_to_japanese_changes_the_navigation_and_stays_after_reload_and_in_another_browser() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("yuki", "engawa-demo-yuki");
        Shell shell = new Shell(page);
        assertThat(shell.navItem("Catalog")).isVisible();

        shell.switchLanguageTo("日本語");
        try {
            japaneseStays(shell);
        } finally {
            // yuki's choice is stored: later journeys expect the demo's English yuki
            shell.switchLanguageTo("English");
        }
        assertThat(shell.navItem("Catalog")).isVisible();
    }

    private void japaneseStays(Shell shell) {
        assertThat(shell.navItem("カタログ")).isVisible();
        assertThat(shell.navItem("オフィスアワー")).isVisible();
        assertThat(page.locator("#home-greeting")).hasText("ようこそ、Yuki Nakamura さん");
        screenshot("japanese-home");

        page.reload();
        assertThat(shell.navItem("カタログ")).isVisible();

        // the choice belongs to the person, not the browser: a fresh English browser shows Japanese too
        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page second = other.newPage();
            new LoginPage(second).open(portal.baseUrl()).signInAs("yuki", "engawa-demo-yuki");
            assertThat(new Shell(second).navItem("カタログ")).isVisible();
        }
    }

    @Test
    void a_japanese_browser_gets_the_login_page_in_japanese() {
        try (BrowserContext japanese = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
            Page jaPage = japanese.newPage();
            LoginPage login = new LoginPage(jaPage).open(portal.baseUrl());
            assertThat(jaPage.locator("vaadin-login-form")).containsText("ユーザー名");
            login.signInAs("sam", "wrong-password-here");
            assertThat(login.error("ユーザー名またはパスワードが正しくありません")).isVisible();
            screenshotOf(jaPage, "japanese-login-error");
        }
    }

    @Test
    void a_japanese_reader_whose_connection_drops_is_told_in_japanese_and_the_click_goes_through_when_it_is_back() {
        try (BrowserContext japanese = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            japanese.setDefaultTimeout(WAIT_MILLIS);
            Page phone = japanese.newPage();
            new LoginPage(phone).open(portal.baseUrl()).signInAs("sam", "engawa-demo-sam");
            assertThat(phone.locator("#home-greeting")).hasText("ようこそ、Sam Okafor さん");
            // Vaadin's own indicator at the top of the page, which says "Connection lost" in English unless told otherwise
            Locator status = phone.locator("vaadin-connection-indicator .v-status-message");

            japanese.setOffline(true);
            // offline ("check your network") or, when a request of the page failed first, already trying again
            assertThat(status).containsText("Engawa に接続できません");
            phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("すべてのレシピ")).click();
            assertThat(status).containsText("接続し直しています。保存した内容は失われていません。");
            assertThat(status).isInViewport();
            screenshotOf(phone, "connection-lost-japanese-phone");

            japanese.setOffline(false);
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("自動化レシピ"))).isVisible();
        }
    }
}
