package engawa.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.people.ApiTokenService;
import engawa.portal.people.NewApiToken;
import engawa.portal.support.ApiClient;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST API over real HTTP: who may read and change what, and what a refusal says. */
@PortalTest
class ApiAccessIT {

    @Value("${local.server.port}")
    int port;
    ApiClient api;
    @Autowired
    SignedIn signedIn;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    engawa.portal.shared.PublicUrl publicUrl;

    final HttpClient http = HttpClient.newHttpClient();
    String memberToken;

    @BeforeEach
    void memberToken() {
        api = new ApiClient(port);
        NewApiToken created = signedIn.as("hana", "MEMBER", () -> tokens.create("hana", "api-access-it", null));
        memberToken = created.token();
    }

    @Test
    void without_a_token_the_api_answers_401_with_a_problem_that_says_how_to_authenticate() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/me", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("Authorization: Bearer");
    }

    @Test
    void a_page_asked_for_without_signing_in_leads_to_sign_in_with_no_session_id_in_the_address() throws Exception {
        for (String path : new String[] {"/no-such-page", "/VAADIN/no-such-file", "/services/payments-api"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("location")).as(path)
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login").doesNotContainIgnoringCase("jsessionid"));
        }
    }

    @Test
    void a_browser_session_cookie_does_not_authenticate_the_api() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Cookie", "JSESSIONID=anything").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_member_reads_people_and_teams() throws Exception {
        HttpResponse<String> me = send("GET", "/api/v1/me", memberToken, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"hana\"", "\"role\":\"MEMBER\"", "finance-ops");

        HttpResponse<String> teams = send("GET", "/api/v1/teams?page=0&size=2", memberToken, null);
        assertThat(teams.statusCode()).isEqualTo(200);
        assertThat(teams.body()).contains("\"page\":0", "\"size\":2", "\"total\":");

        HttpResponse<String> team = send("GET", "/api/v1/teams/engineering", memberToken, null);
        assertThat(team.body()).contains("\"children\":[", "\"slug\":\"payments\"");

        HttpResponse<String> user = send("GET", "/api/v1/users/kenji", memberToken, null);
        assertThat(user.body()).contains("\"displayName\":\"Kenji Watanabe\"");
        assertThat(user.body()).doesNotContain("password");
    }

    @Test
    void a_member_may_not_create_a_team_and_nothing_is_stored() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/teams", memberToken,
                "{\"slug\":\"sneaky\",\"name\":\"Sneaky\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Ask an Engawa admin");
        assertThat(jdbc.queryForObject("select count(*) from teams where slug = 'sneaky'", Integer.class)).isZero();
    }

    @Test
    void an_admin_creates_a_team_and_bad_input_gets_a_422_naming_each_field() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN,
                "{\"slug\":\"data-science\",\"name\":\"Data Science\",\"parent\":\"engineering\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).hasValue("/api/v1/teams/data-science");

        HttpResponse<String> invalid = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN, "{\"slug\":\"Not A Slug\",\"name\":\"\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"field\":\"slug\"", "single hyphens", "\"field\":\"name\"", "Enter the team's name");

        HttpResponse<String> duplicate = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN,
                "{\"slug\":\"data-science\",\"name\":\"Again\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("already exists");

        HttpResponse<String> notJson = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN, "{slug=x");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");

        HttpResponse<String> form = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN, "slug=x");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> unknownParent = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN,
                "{\"slug\":\"orphans\",\"name\":\"Orphans\",\"parent\":\"no-such-team\"}");
        assertThat(unknownParent.statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from teams where slug in ('orphans', 'not-a-slug')", Integer.class)).isZero();
    }

    @Test
    void an_admin_offboards_someone_through_the_api_and_their_token_stops_at_once() throws Exception {
        String samsToken = signedIn.as("sam", "MEMBER", () -> tokens.create("sam", "api-access-it", null)).token();
        try {
            HttpResponse<String> disabled = send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN, "{\"enabled\": false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            assertThat(disabled.body()).contains("\"enabled\":false", "\"role\":\"MEMBER\"");
            assertThat(send("GET", "/api/v1/me", samsToken, null).statusCode()).isEqualTo(401);

            HttpResponse<String> both = send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN,
                    "{\"enabled\": true, \"role\": \"admin\"}");
            assertThat(both.body()).contains("\"enabled\":true", "\"role\":\"ADMIN\"");
            assertThat(send("GET", "/api/v1/me", samsToken, null).body()).contains("\"role\":\"ADMIN\"");

            HttpResponse<String> typo = send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN,
                    "{\"role\": \"boss\", \"enabled\": false}");
            assertThat(typo.statusCode()).isEqualTo(422);
            assertThat(typo.body()).contains("\"field\":\"role\"", "\\\"admin\\\" or \\\"member\\\"");
            assertThat(send("GET", "/api/v1/me", samsToken, null).statusCode()).as("nothing half-done").isEqualTo(200);
            assertThat(send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN, "{\"enabeld\": false}").statusCode())
                    .isEqualTo(422);
            assertThat(send("PATCH", "/api/v1/users/kenji", memberToken, "{\"role\": \"admin\"}").statusCode()).isEqualTo(403);
            assertThat(send("PATCH", "/api/v1/users/nobody-here", PortalTest.ADMIN_TOKEN, "{\"enabled\": false}").statusCode())
                    .isEqualTo(404);
        } finally {
            send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN, "{\"enabled\": true, \"role\": \"member\"}");
        }
        assertThat(send("GET", "/api/v1/users/sam", memberToken, null).body()).contains("\"role\":\"MEMBER\"", "\"enabled\":true");
    }

    @Test
    void the_last_enabled_admin_cannot_be_demoted_or_disabled_through_the_api() throws Exception {
        HttpResponse<String> demoted = send("PATCH", "/api/v1/users/admin", PortalTest.ADMIN_TOKEN, "{\"role\": \"member\"}");
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("at least one enabled admin");
        assertThat(send("PATCH", "/api/v1/users/admin", PortalTest.ADMIN_TOKEN, "{\"enabled\": false}").statusCode())
                .isEqualTo(409);
        assertThat(send("GET", "/api/v1/users/admin", memberToken, null).body()).contains("\"role\":\"ADMIN\"", "\"enabled\":true");
    }

    @Test
    void a_page_too_deep_an_empty_list_item_and_a_malformed_echo_call_get_clear_answers_not_server_errors() throws Exception {
        HttpResponse<String> deep = send("GET", "/api/v1/services?page=2147483647&size=200", memberToken, null);
        assertThat(deep.statusCode()).isEqualTo(422);
        assertThat(deep.body()).contains("at most 100,000 items deep");
        HttpResponse<String> nullItem = send("POST", "/api/v1/teams", PortalTest.ADMIN_TOKEN,
                "{\"slug\": \"it-null-item\", \"name\": \"Null item\", \"parent\": null, \"tags\": [null]}");
        assertThat(nullItem.statusCode()).isEqualTo(422);
        HttpResponse<String> hooks = send("POST", "/api/v1/hooks", memberToken,
                "{\"event\": \"service.created\", \"target_url\": \"https://example.com/x\", \"recipe\": null, \"x\": [null]}");
        assertThat(hooks.statusCode()).isEqualTo(422);
        HttpResponse<String> services = send("POST", "/api/v1/services", memberToken,
                "{\"name\": \"it-null-tags\", \"type\": \"service\", \"lifecycle\": \"production\", \"owner\": \"finance-ops\", \"tags\": [\"ok\", null]}");
        assertThat(services.statusCode()).isEqualTo(422);
        assertThat(services.body()).contains("\"field\":\"tags[1]\"").contains("empty item");
        HttpResponse<String> echo = send("POST", "/api/v1/recipes/echo", null,
                "{\"data\": {\"callback_url\": \"" + publicUrl.of("/api/v1/runs/") + "not-a-uuid/callback?token=x\"}}");
        assertThat(echo.statusCode()).isEqualTo(422);
        assertThat(echo.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @Test
    void paging_limits_are_explained() throws Exception {
        HttpResponse<String> tooBig = send("GET", "/api/v1/teams?size=5000", memberToken, null);
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).contains("size must be between 1 and 200");
    }

    @Test
    void an_unknown_team_or_person_is_a_404_problem() throws Exception {
        assertThat(send("GET", "/api/v1/teams/nope", memberToken, null).statusCode()).isEqualTo(404);
        HttpResponse<String> user = send("GET", "/api/v1/users/nobody", memberToken, null);
        assertThat(user.statusCode()).isEqualTo(404);
        assertThat(user.body()).contains("no person with the username");
    }

    @Test
    void health_is_public_metrics_are_for_admins_and_the_openapi_document_is_served() throws Exception {
        assertThat(send("GET", "/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", memberToken, null).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", PortalTest.ADMIN_TOKEN, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        HttpResponse<String> openapi = send("GET", "/v3/api-docs", null, null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("\"title\":\"Engawa API\"", "/api/v1/teams", "/api/v1/me");
    }

    @Test
    void a_wrong_path_or_method_is_a_problem_answer_never_a_page_or_a_redirect() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/v1/no-such-thing", PortalTest.ADMIN_TOKEN, null);
        HttpResponse<String> method = send("DELETE", "/api/v1/teams", PortalTest.ADMIN_TOKEN, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("There is no /api/v1/no-such-thing").contains("/v3/api-docs");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return api.send(method, path, token, json);
    }

    private URI uri(String path) {
        return api.uri(path);
    }
}
