package engawa.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.people.Role;
import engawa.portal.shared.UserFacingException;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class ApiTokenServiceIT {

    @Autowired
    SignedIn signedIn;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void a_new_token_is_stored_only_as_its_sha256_hash() throws Exception {
        NewApiToken created = signedIn.as("kenji", "MEMBER", () -> tokens.create("kenji", "stored-as-hash", null));

        Map<String, Object> row = jdbc.queryForMap("select * from api_tokens where id = ?", created.summary().id());
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(created.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("token_hash")).isEqualTo(expectedHash);
        assertThat(row.values()).noneMatch(value -> created.token().equals(value));
        assertThat(created.token()).startsWith("egw_").hasSizeGreaterThan(40);
        assertThat(created.summary().prefix()).isEqualTo(created.token().substring(0, 10));
    }

    @Test
    void a_token_speaks_for_its_owner_until_it_is_revoked() {
        NewApiToken created = signedIn.as("hana", "MEMBER", () -> tokens.create("hana", "revoke-me", null));

        assertThat(tokens.authenticate(created.token())).contains(new TokenOwner("hana", Role.MEMBER));
        assertThat(signedIn.as("hana", "MEMBER", () -> tokens.list("hana", Pageable.ofSize(50))).getContent())
                .anySatisfy(t -> {
                    assertThat(t.name()).isEqualTo("revoke-me");
                    assertThat(t.lastUsedAt()).isNotNull();
                });

        signedIn.run("hana", "MEMBER", () -> tokens.revoke("hana", created.summary().id()));

        assertThat(tokens.authenticate(created.token())).isEmpty();
    }

    @Test
    void a_token_stops_working_when_it_expires() {
        NewApiToken created = signedIn.as("kenji", "MEMBER",
                () -> tokens.create("kenji", "short-lived", clock.instant().plus(Duration.ofHours(1))));
        assertThat(tokens.authenticate(created.token())).isPresent();

        clock.advance(Duration.ofHours(2));

        assertThat(tokens.authenticate(created.token())).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_token_is_refused() {
        assertThat(tokens.authenticate("egw_thisisnotatoken")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(PortalTest.ADMIN_TOKEN + "x")).isEmpty();
    }

    @Test
    void the_static_admin_token_acts_as_an_admin() {
        assertThat(tokens.authenticate(PortalTest.ADMIN_TOKEN))
                .contains(new TokenOwner(ApiTokenService.ADMIN_TOKEN_PRINCIPAL, Role.ADMIN));
    }

    @Test
    void nobody_creates_or_revokes_a_token_for_someone_else() {
        assertThatThrownBy(() -> signedIn.as("hana", "MEMBER", () -> tokens.create("kenji", "not mine", null)))
                .isInstanceOf(AccessDeniedException.class);
        NewApiToken kenjis = signedIn.as("kenji", "MEMBER", () -> tokens.create("kenji", "his", null));
        assertThatThrownBy(() -> signedIn.run("hana", "MEMBER", () -> tokens.revoke("kenji", kenjis.summary().id())))
                .isInstanceOf(AccessDeniedException.class);
        // naming herself does not help either: the token is not among hers
        assertThatThrownBy(() -> signedIn.run("hana", "MEMBER", () -> tokens.revoke("hana", kenjis.summary().id())))
                .isInstanceOf(UserFacingException.class);
        assertThat(tokens.authenticate(kenjis.token())).isPresent();
    }

    @Test
    void a_token_needs_a_name_and_a_future_expiry() {
        assertThatThrownBy(() -> signedIn.as("kenji", "MEMBER", () -> tokens.create("kenji", "  ", null)))
                .hasMessageContaining("Give the token a name");
        assertThatThrownBy(() -> signedIn.as("kenji", "MEMBER",
                () -> tokens.create("kenji", "past", clock.instant().minusSeconds(1))))
                .hasMessageContaining("in the future");
    }
}
