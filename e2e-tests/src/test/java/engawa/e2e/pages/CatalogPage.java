package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The catalog list: search, filters, the grid. */
public class CatalogPage {

    private final Page page;
    private final String baseUrl;

    public CatalogPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public CatalogPage open() {
        return open("");
    }

    /** @param query the part after {@code ?}, as a shared link would carry it */
    public CatalogPage open(String query) {
        page.navigate(baseUrl + "/catalog" + (query.isEmpty() ? "" : "?" + query));
        grid().waitFor();
        return this;
    }

    /** Types as a person would; the list follows once they pause. */
    public void search(String text) {
        Locator field = page.locator("#catalog-search input");
        field.fill(text);
    }

    public Locator summary() {
        return page.locator("#catalog-summary");
    }

    public Locator grid() {
        return page.locator("#catalog-grid");
    }

    /** The service titles in the order the grid shows them. */
    public Locator titles() {
        return grid().locator("a.service-title");
    }

    public void chooseLifecycle(String label) {
        showFilters();
        new VaadinSelect(page, "#catalog-lifecycle").choose(label);
    }

    public void showOnlyMine() {
        showFilters();
        page.locator("#catalog-mine").click();
    }

    /** Opens the filters where they are folded (a phone, someone who does not work on services). */
    public void showFilters() {
        page.locator("#catalog-search").waitFor();
        if (page.locator("#catalog-filters-toggle").isVisible() && !page.locator("#catalog-filters").isVisible()) {
            page.locator("#catalog-filters-toggle").click();
        }
        page.locator("#catalog-filters").waitFor();
    }

    public void openService(String title) {
        titles().filter(new Locator.FilterOptions().setHasText(title)).first().click();
        page.locator("#service-title").waitFor();
    }
}
