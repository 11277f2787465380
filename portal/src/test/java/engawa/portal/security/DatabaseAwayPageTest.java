package engawa.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What a browser gets when the rights check cannot read the database: a clear 503, in its language. */
class DatabaseAwayPageTest {

    @Test
    void a_page_load_gets_a_503_page_in_the_browsers_language_with_try_again() throws Exception {
        MockHttpServletResponse response = answer("GET", "text/html,application/xhtml+xml", Locale.JAPANESE);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentType()).startsWith("text/html");
        String page = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"ja\">")
                .contains("<h1>Engawa がデータベースに接続できません</h1>")
                .contains("保存した内容は失われていません")
                .contains("id=\"error-try-again\"").contains("もう一度試す")
                .doesNotContain("Exception");
    }

    @Test
    void vaadins_own_requests_get_the_status_and_a_line_of_text_in_english_by_default() throws Exception {
        MockHttpServletResponse response = answer("POST", "application/json", Locale.FRENCH);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Engawa cannot reach its database. Nothing you saved is lost. This is usually over within a minute: try again shortly.");
    }

    private static MockHttpServletResponse answer(String method, String accept, Locale language) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/recipes");
        request.addHeader("Accept", accept);
        request.addPreferredLocale(language);
        MockHttpServletResponse response = new MockHttpServletResponse();
        DatabaseAwayPage.write(request, response);
        return response;
    }
}
