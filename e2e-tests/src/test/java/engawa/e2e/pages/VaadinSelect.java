package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;

/**
 * A {@code vaadin-select} driven as a person does, but without racing its overlay: a click that
 * lands while the overlay is still closing from the previous use is swallowed, so opening waits
 * for the select to say {@code opened} and clicks again if it did not, and closing waits until the
 * overlay is gone. (A swallowed click made a webhooks journey fail in CI.)
 */
public final class VaadinSelect {

    private final Page page;
    private final String selector;
    private final Locator select;

    /** @param selector a CSS selector of the {@code vaadin-select} itself, e.g. {@code #webhook-event} */
    public VaadinSelect(Page page, String selector) {
        this.page = page;
        this.selector = selector;
        this.select = page.locator(selector);
    }

    /** Opens the list and returns its items. */
    public Locator open() {
        awaitClosed();
        for (int attempt = 1; ; attempt++) {
            select.click();
            try {
                page.waitForSelector(selector + "[opened]",
                        new Page.WaitForSelectorOptions().setTimeout(5_000));
                return page.locator("vaadin-select-item[role=option]");
            } catch (TimeoutError swallowed) {
                if (attempt == 3) {
                    throw swallowed;
                }
            }
        }
    }

    /** Picks the first item whose label contains {@code text}. */
    public void choose(String text) {
        open().filter(new Locator.FilterOptions().setHasText(text)).first().click();
        awaitClosed();
    }

    public void close() {
        page.keyboard().press("Escape");
        awaitClosed();
    }

    private void awaitClosed() {
        page.waitForFunction("el => !el.hasAttribute('opened')", select.elementHandle());
    }
}
