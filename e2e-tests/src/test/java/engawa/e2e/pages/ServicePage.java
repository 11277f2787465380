package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** One service's page, and its edit form. */
public class ServicePage {

    private final Page page;
    private final String baseUrl;

    public ServicePage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public ServicePage open(String name) {
        page.navigate(baseUrl + "/services/" + name);
        title().waitFor();
        return this;
    }

    public ServicePage openEditor(String name) {
        page.navigate(baseUrl + "/services/" + name + "/edit");
        page.locator("#service-save").waitFor();
        return this;
    }

    public Locator title() {
        return page.locator("#service-title");
    }

    public Locator about() {
        return page.locator(".service-about");
    }

    public Locator editButton() {
        return page.locator("#service-edit");
    }

    public Locator readOnlyNote() {
        return page.locator("#service-read-only");
    }

    /** The button or the "missing" box of one standard link, by its key (logs, runbook, ...). */
    public Locator opsLink(String key) {
        return page.locator("#ops-links [data-kind=" + key + "]");
    }

    public Locator owner() {
        return page.locator("#service-owner");
    }

    public Locator dependsOn() {
        return page.locator("#depends-on");
    }

    public Locator usedBy() {
        return page.locator("#used-by");
    }

    public Locator history() {
        return page.locator("#service-history");
    }

    public void edit() {
        editButton().click();
        page.locator("#service-save").waitFor();
    }

    public Locator field(String id) {
        return page.locator("#" + id + " input, #" + id + " textarea").first();
    }

    public void fill(String id, String value) {
        field(id).fill(value);
    }

    public Locator errorOf(String id) {
        return page.locator("#" + id + " [slot=error-message]");
    }

    public void save() {
        page.locator("#service-save").click();
    }

    public Locator conflict() {
        return page.locator("vaadin-dialog-overlay, #edit-conflict").filter(new Locator.FilterOptions()
                .setHas(page.locator("#edit-conflict-mine"))).first();
    }

    public void putMineOnTop() {
        page.locator("#edit-conflict-mine").click();
    }

    public Locator refusal() {
        return page.locator("#edit-refused");
    }
}
