package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

public class TokensPage {

    private final Page page;
    private final String baseUrl;

    public TokensPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public TokensPage open() {
        page.navigate(baseUrl + "/tokens");
        page.locator("#tokens-grid").waitFor();
        return this;
    }

    /** Creates a token and returns its value from the show-once dialog, then closes the dialog. */
    public String create(String name) {
        page.locator("#token-name input").fill(name);
        page.locator("#token-create").click();
        Locator value = page.locator("#new-token-value input");
        value.waitFor();
        String token = value.inputValue();
        page.locator("#new-token-done").click();
        return token;
    }

    public Locator grid() {
        return page.locator("#tokens-grid");
    }

    /** Revokes the newest token that is still active (the list is newest first). */
    public void revokeNewestActive() {
        page.locator("#tokens-grid vaadin-button.token-revoke:not([disabled])").first().click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-confirm-dialog vaadin-button[slot=confirm-button]")
                .first().click();
    }
}
