package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** What every page after sign-in has: side navigation, language switch, the person menu. */
public class Shell {

    private final Page page;

    public Shell(Page page) {
        this.page = page;
    }

    public Locator navigation() {
        return page.locator("#main-nav");
    }

    public Locator navItem(String label) {
        return navigation().locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label)).first();
    }

    /** A labelled list of the side navigation: "For engineers", "Admin". */
    public Locator navGroup(String label) {
        return navigation().locator("vaadin-side-nav").filter(new Locator.FilterOptions().setHasText(label))
                .filter(new Locator.FilterOptions().setHas(page.locator("[slot=label]"))).first();
    }

    /** Opens a folded group of the side navigation by its label, as a person clicks it; an open one stays open. */
    public void openGroup(String label) {
        Locator group = navGroup(label);
        Locator firstItem = group.locator("vaadin-side-nav-item").first();
        if (!firstItem.isVisible()) {
            group.locator("[slot=label]").click();
        }
        firstItem.waitFor();
    }

    public Locator languageSwitch() {
        return page.locator("#language-switch");
    }

    /** Picks a language by its own name ("English", "日本語"); the page reloads. */
    public void switchLanguageTo(String languageName) {
        new VaadinSelect(page, "#language-switch").open()
                .filter(new Locator.FilterOptions().setHasText(languageName)).click();
        page.waitForLoadState();
    }

    public Locator personMenu() {
        return page.locator("#person-menu");
    }

    public void signOut(String label) {
        personMenu().locator("vaadin-menu-bar-button").first().click();
        page.locator("vaadin-menu-bar-item").filter(new Locator.FilterOptions().setHasText(label)).click();
    }

    public Locator accessDenied() {
        return page.locator("#access-denied");
    }
}
