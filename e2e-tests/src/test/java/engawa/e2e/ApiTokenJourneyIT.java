package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.TokensPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiTokenJourneyIT extends BrowserJourney {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_token_created_in_the_browser_works_on_the_api_until_it_is_revoked() throws Exception {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        TokensPage tokens = new TokensPage(page, portal.baseUrl()).open();

        String token = tokens.create("Zapier");
        assertThat(token).startsWith("egw_");
        assertThat(tokens.grid()).containsText("Zapier");
        assertThat(tokens.grid()).containsText("Active");
        assertThat(tokens.grid()).not().containsText(token);

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"kenji\"").contains("payments");

        tokens.revokeNewestActive();
        assertThat(tokens.grid()).containsText("Revoked");
        screenshot("revoked");

        HttpResponse<String> afterRevoke = get("/api/v1/me", token);
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(afterRevoke.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(afterRevoke.body()).contains("unknown, expired or revoked");
    }

    @Test
    void a_token_without_a_name_is_refused_with_a_message_under_the_field() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        new TokensPage(page, portal.baseUrl()).open();
        page.locator("#token-create").click();
        assertThat(page.locator("#token-name [slot=error-message]")).containsText("Give the token a name");
        assertThat(page.locator("#new-token-value")).hasCount(0);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
