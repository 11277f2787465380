package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

public class HomePage {

    private final Page page;

    public HomePage(Page page) {
        this.page = page;
    }

    public Locator greeting() {
        return page.locator("#home-greeting");
    }

    public Locator teams() {
        return page.locator(".team-chips");
    }
}
