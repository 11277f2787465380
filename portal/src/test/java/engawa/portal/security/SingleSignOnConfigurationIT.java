package engawa.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * OpenID Connect is switched on by Spring's standard client properties alone. This stops at the
 * redirect to the provider: a full round trip needs a real identity provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "engawa.data-dir=target/it-data/${random.uuid}",
        "engawa.demo-data=false",
        "spring.security.oauth2.client.registration.company.client-id=engawa-portal",
        "spring.security.oauth2.client.registration.company.client-secret=not-a-real-secret",
        "spring.security.oauth2.client.registration.company.client-name=Company SSO",
        "spring.security.oauth2.client.registration.company.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.company.authorization-uri=https://sso.example.com/authorize",
        "spring.security.oauth2.client.provider.company.token-uri=https://sso.example.com/token",
        "spring.security.oauth2.client.provider.company.jwk-set-uri=https://sso.example.com/jwks",
        "spring.security.oauth2.client.provider.company.user-name-attribute=sub"})
// its own context, closed after this class rather than held until the JVM exits
@DirtiesContext
class SingleSignOnConfigurationIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void a_configured_provider_gets_the_browser_redirected_to_it_with_our_client_id() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/company")).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("https://sso.example.com/authorize?")
                .contains("client_id=engawa-portal", "scope=openid%20profile%20email",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/company");
    }
}
