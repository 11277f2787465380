package engawa.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The admin pages for people and teams. */
public class AdminPages {

    private final Page page;
    private final String baseUrl;

    public AdminPages(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public AdminPages openPeople() {
        page.navigate(baseUrl + "/admin/users");
        page.locator("#users-grid").waitFor();
        return this;
    }

    public AdminPages openTeams() {
        page.navigate(baseUrl + "/admin/teams");
        page.locator("#teams-grid").waitFor();
        return this;
    }

    public void createPerson(String username, String name, String email, String password) {
        page.locator("#new-user").click();
        page.locator("#new-user-username input").fill(username);
        page.locator("#new-user-display-name input").fill(name);
        page.locator("#new-user-email input").fill(email);
        page.locator("#new-user-password input").fill(password);
        page.locator("#new-user-save").click();
    }

    public Locator peopleGrid() {
        return page.locator("#users-grid");
    }

    /** The error shown under a field of the open dialog, by field id. */
    public Locator fieldError(String fieldId) {
        return page.locator("#" + fieldId + " [slot=error-message]");
    }

    public void createTeam(String name, String parentName) {
        page.locator("#new-team").click();
        page.locator("#new-team-name input").fill(name);
        page.locator("#new-team-name input").press("Tab");
        if (parentName != null) {
            page.locator("#new-team-parent input").fill(parentName);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(parentName)).first().click();
        }
        page.locator("#new-team-save").click();
    }

    public void selectTeam(String name) {
        page.locator("#teams-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        page.locator("#team-details-title").filter(new Locator.FilterOptions().setHasText(name)).waitFor();
    }

    public void addMember(String personName) {
        page.locator("#add-member-person input").fill(personName);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(personName)).first().click();
        page.locator("#add-member").click();
    }

    public Locator membersGrid() {
        return page.locator("#members-grid");
    }
}
