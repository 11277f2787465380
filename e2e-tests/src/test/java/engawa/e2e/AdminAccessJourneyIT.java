package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import engawa.e2e.pages.AdminPages;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.Shell;
import org.junit.jupiter.api.Test;

class AdminAccessJourneyIT extends BrowserJourney {

    @Test
    void a_member_sees_no_admin_menu_and_is_turned_away_from_admin_pages_by_url() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        Shell shell = new Shell(page);
        assertThat(shell.navItem("Home")).isVisible();
        assertThat(shell.navGroup("Admin")).hasCount(0);
        assertThat(shell.navItem("People")).hasCount(0);

        com.microsoft.playwright.Response denied = page.navigate(portal.baseUrl() + "/admin/users");
        // the answer's status says it, for monitors and link checkers; the page's one heading and its
        // title say it, as on every other page
        org.assertj.core.api.Assertions.assertThat(denied.status()).as("an admin's page opened by a member").isEqualTo(403);
        assertThat(shell.accessDenied().locator("h1")).hasText("This page is not for your account");
        assertThat(page).hasTitle("This page is not for your account · Engawa");
        assertThat(page.locator("#users-grid")).hasCount(0);

        page.navigate(portal.baseUrl() + "/admin/teams");
        assertThat(shell.accessDenied()).isVisible();
        assertThat(page.locator("#teams-grid")).hasCount(0);

        // the answer's status says it too, for link checkers and monitors that read nothing else
        com.microsoft.playwright.Response unknown = page.navigate(portal.baseUrl() + "/no-such-page");
        org.assertj.core.api.Assertions.assertThat(unknown.status()).isEqualTo(404);
        assertThat(page.locator("#not-found h1")).hasText("There is no page here");
        assertThat(page).hasTitle("There is no page here · Engawa");

        // a page whose item is not there (deleted, mistyped, not hers to see) says "not found" on the
        // page, and its status says so too; the same pages of items that are there answer 200
        for (String gone : java.util.List.of("/services/no-such-service", "/teams/no-such-team", "/recipes/no-such-recipe",
                "/runs/" + java.util.UUID.randomUUID(), "/runs/not-a-run", "/slos/999999999", "/slos/not-a-number",
                "/office-hours/sessions/999999999", "/office-hours/sessions/not-a-number", "/services/no-such-service/edit",
                "/recipes/no-such-recipe/edit", "/services/no-such-service/slos/new", "/slos/999999999/edit",
                "/office-hours/sessions/999999999/edit", "/office-hours/sessions/not-a-number/edit",
                "/notifications/999999999/open", "/notifications/not-a-number/open")) {
            org.assertj.core.api.Assertions.assertThat(page.request().get(portal.baseUrl() + gone).status()).as(gone)
                    .isEqualTo(404);
        }
        for (String there : java.util.List.of("/services/payments-api", "/teams/payments", "/recipes/expense-reminder",
                "/recipes/expense-reminder/edit", "/recipes/new/edit")) {
            org.assertj.core.api.Assertions.assertThat(page.request().get(portal.baseUrl() + there).status()).as(there)
                    .isEqualTo(200);
        }
        com.microsoft.playwright.Response missing = page.navigate(portal.baseUrl() + "/services/no-such-service");
        org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
        assertThat(page.locator("main h1")).hasText("Service not found");

        // the edit form of what she may not change (another team's service, SLO and recipe, a session
        // she does not host) says so on the page, and its status says 403
        page.navigate(portal.baseUrl() + "/services/payments-api");
        String paymentsSlo = path(page.locator("a[href*='slos/']").first());
        page.navigate(portal.baseUrl() + "/office-hours");
        String session = path(page.locator("a.session-card").first());
        for (String notHers : java.util.List.of("/services/payments-api/edit", "/services/payments-api/slos/new",
                paymentsSlo + "/edit", "/recipes/weekly-report-to-chat/edit", session + "/edit")) {
            org.assertj.core.api.Assertions.assertThat(page.request().get(portal.baseUrl() + notHers).status()).as(notHers)
                    .isEqualTo(403);
        }
        com.microsoft.playwright.Response refused = page.navigate(portal.baseUrl() + session + "/edit");
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("#edit-refused")).hasText("Only the session's hosts and Engawa admins may change this session.");
        assertThat(page.locator("#session-save")).hasCount(0);
        page.getByText("Back to the session").click();
        assertThat(page).hasURL(portal.baseUrl() + session);
    }

    /** A link's address within the portal, as "/office-hours/sessions/7". */
    private static String path(com.microsoft.playwright.Locator link) {
        String href = link.getAttribute("href");
        return href.startsWith("/") ? href : "/" + href;
    }

    /**
     * Engawa tried on a shared machine without ENGAWA_PUBLIC_URL: its e-mails' links lead to
     * localhost. An admin who opened it by another name is told, with the value to set; one who
     * opened it on the machine itself is not.
     */
    @Test
    void an_admin_who_opened_engawa_by_another_name_learns_that_e_mail_links_lead_to_localhost() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        page.navigate(portal.baseUrl() + "/admin/emails");
        assertThat(page.locator("#sent-emails")).isVisible();
        assertThat(page.locator("#sent-emails-links-only-here")).hasCount(0);

        // a name other than localhost for this machine, as a colleague's browser would use
        String named = portal.baseUrl().replace("localhost", "engawa.test");
        try (com.microsoft.playwright.Playwright own = Browsers.playwright();
                com.microsoft.playwright.Browser elsewhere = Browsers.launch(own, java.util.List.of(
                        "--host-resolver-rules=MAP engawa.test 127.0.0.1"));
                com.microsoft.playwright.BrowserContext context = elsewhere.newContext()) {
            context.setDefaultTimeout(WAIT_MILLIS);
            com.microsoft.playwright.Page admin = context.newPage();
            new LoginPage(admin).open(named).signInAs("admin", "engawa-admin");
            admin.navigate(named + "/admin/emails");
            com.microsoft.playwright.Locator notice = admin.locator("#sent-emails-links-only-here");
            assertThat(notice).containsText("Links in Engawa's e-mails lead to " + portal.baseUrl());
            assertThat(notice).containsText("Set ENGAWA_PUBLIC_URL to the address people open (here: " + named + ";");
            screenshotOf(admin, "links-only-here");
        }
    }

    @Test
    void an_admin_creates_a_person_and_a_team_and_adds_the_person_to_it() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        assertThat(new Shell(page).navGroup("Admin")).isVisible();
        assertThat(new Shell(page).navItem("People")).isVisible();
        AdminPages admin = new AdminPages(page, portal.baseUrl()).openPeople();

        admin.createPerson("Mei Ito", "Mei Ito", "mei@example.com", "short");
        assertThat(admin.fieldError("new-user-username")).containsText("lower-case letters");
        assertThat(admin.fieldError("new-user-password")).containsText("10 to 128 characters");
        screenshot("invalid-person");
        page.locator("#new-user-username input").fill("mei");
        page.locator("#new-user-password input").fill("a long enough password");
        page.locator("#new-user-save").click();
        assertThat(admin.peopleGrid()).containsText("mei@example.com");
        assertThat(admin.peopleGrid()).containsText("hana.sato@example.com");
        screenshot("people-list");

        admin.openTeams();
        admin.createTeam("Data Platform", "Platform");
        admin.selectTeam("Data Platform");
        assertThat(page.locator(".team-details")).containsText("Part of Platform");
        assertThat(admin.membersGrid()).containsText("Nobody is in this team yet.");
        admin.addMember("Mei Ito");
        assertThat(admin.membersGrid()).containsText("Mei Ito");
        screenshot("team-with-member");

        // the new person signs in with the password the admin gave, and first chooses their own
        page.context().clearCookies();
        new LoginPage(page).open(portal.baseUrl()).signInAs("mei", "a long enough password");
        assertThat(page.locator("#password-must-change")).isVisible();
        page.navigate(portal.baseUrl() + "/catalog");
        assertThat(page.locator("#password-must-change")).isVisible(); // nothing else before that
        screenshot("first-sign-in");
        page.locator("#password-current input").fill("a long enough password");
        page.locator("#password-new input").fill("mei chooses her own words");
        page.locator("#password-again input").fill("mei chooses her own words");
        page.locator("#password-save").click();
        assertThat(page.locator(".team-chips")).containsText("Data Platform");
    }
}
