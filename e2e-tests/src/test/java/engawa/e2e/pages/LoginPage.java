package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

public class LoginPage {

    private final Page page;

    public LoginPage(Page page) {
        this.page = page;
    }

    public LoginPage open(String baseUrl) {
        page.navigate(baseUrl + "/login");
        username().waitFor();
        return this;
    }

    public Locator username() {
        return page.locator("vaadin-login-form input[name=username]");
    }

    public Locator password() {
        return page.locator("vaadin-login-form input[name=password]");
    }

    public void signInAs(String username, String password) {
        username().fill(username);
        password().fill(password);
        password().press("Enter");
    }

    /** The error text a person sees after a failed attempt (it lives in the form's shadow DOM). */
    public Locator error(String text) {
        return page.locator("vaadin-login-form").getByText(text);
    }

    public Locator heading() {
        return page.getByRole(AriaRole.HEADING).first();
    }

    public Locator languageSwitch() {
        return page.locator("#language-switch");
    }
}
