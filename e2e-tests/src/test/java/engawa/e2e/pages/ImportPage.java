package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Backstage files in: upload, preview, import, report. */
public class ImportPage {

    private final Page page;
    private final String baseUrl;

    public ImportPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public ImportPage open() {
        page.navigate(baseUrl + "/catalog/import");
        page.locator("#import-preview").waitFor();
        return this;
    }

    /** Chooses a file as the file dialog would, and waits until the upload has finished. */
    public void upload(Path file) {
        page.locator("#import-upload input[type=file]").setInputFiles(file);
        page.locator("#import-upload vaadin-upload-file[complete]").waitFor();
    }

    /** Drops several files at once, as a person selecting them together would, and waits for all of them. */
    public void uploadAll(Path... files) {
        page.locator("#import-upload input[type=file]").setInputFiles(files);
        page.waitForCondition(() -> page.locator("#import-upload vaadin-upload-file[complete]").count() == files.length);
    }

    public Locator files() {
        return page.locator("#import-files");
    }

    public Locator unresolved() {
        return page.locator("#import-unresolved");
    }

    public Locator skipped() {
        return page.locator("#import-skipped");
    }

    public void preview() {
        page.locator("#import-preview").click();
        page.locator("#import-summary").waitFor();
    }

    public void importNow() {
        page.locator("#import-run").click();
    }

    public Locator number(String key) {
        return page.locator("#import-number-" + key + " .import-number-value");
    }

    public Locator summary() {
        return page.locator("#import-summary");
    }

    public Locator problems() {
        return page.locator("#import-problems");
    }

    public Locator changes() {
        return page.locator("#import-changes");
    }

    public Locator importButton() {
        return page.locator("#import-run");
    }
}
