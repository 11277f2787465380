package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every link that leaves the portal starts with its public address: what an operator is told about it. */
@ExtendWith(OutputCaptureExtension.class)
class PublicUrlTest {

    @Test
    void an_address_links_cannot_start_with_is_refused_when_the_settings_are_read_saying_what_to_give() {
        for (String wrong : new String[] {"engawa.example.com", "ftp://engawa.example.com", "https://", "https://engawa.example.com/?x=1"}) {
            assertThatThrownBy(() -> settings(Map.of("engawa.public-url", wrong))).as(wrong)
                    .isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("ENGAWA_PUBLIC_URL is \"" + wrong + "\"")
                    .hasMessageContaining("with http:// or https://, such as https://engawa.example.com");
        }
        PublicUrl url = new PublicUrl(settings(Map.of("engawa.public-url", " https://engawa.example.com/portal/ ")), 8080);
        assertThat(url.of("/runs/1")).isEqualTo("https://engawa.example.com/portal/runs/1");
    }

    @Test
    void an_installation_on_its_own_database_without_it_is_warned_at_start_a_demo_is_not(CapturedOutput output) {
        assertThat(new PublicUrl(settings(Map.of()), 8080).of("/")).isEqualTo("http://localhost:8080/");
        assertThat(output).doesNotContain("ENGAWA_PUBLIC_URL");

        new PublicUrl(settings(Map.of("engawa.db.url", "jdbc:postgresql://db.example.com/engawa")), 8080);
        assertThat(output).contains("ENGAWA_PUBLIC_URL is not set: links in e-mails and webhook events will point to"
                + " http://localhost:8080").contains("the same for every instance");
    }

    @Test
    void links_lead_only_here_when_no_address_is_set_and_someone_opened_the_portal_by_another_name() {
        PublicUrl unset = new PublicUrl(settings(Map.of()), 8080);
        assertThat(unset.onlyHereWhileOpenedAt("engawa.corp.example")).isTrue();
        assertThat(unset.onlyHereWhileOpenedAt("10.0.0.5")).isTrue();
        for (String here : new String[] {"localhost", "127.0.0.1", "::1", "[::1]", "app.localhost"}) {
            assertThat(unset.onlyHereWhileOpenedAt(here)).as(here).isFalse();
        }
        PublicUrl set = new PublicUrl(settings(Map.of("engawa.public-url", "https://engawa.example.com")), 8080);
        assertThat(set.onlyHereWhileOpenedAt("engawa.corp.example")).isFalse();
    }

    private static EngawaProperties settings(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("engawa.data-dir", Path.of("target/public-url-test").toString()));
        all.putAll(values);
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("engawa", EngawaProperties.class);
    }
}
