package engawa.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.people.Role;
import engawa.db.people.UserRepository;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The people rules, enforced in the services whatever the caller (view, API, job). */
@PortalTest
class PeopleRulesIT {

    @Autowired
    SignedIn signedIn;
    @Autowired
    UserAccountService users;
    @Autowired
    TeamService teams;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserRepository userRows;

    /** What password sign-in looks people up with; not a bean, so nothing signs in around {@link PasswordSignIn}. */
    UserDetailsService localAccounts;

    @BeforeEach
    void lookUpAsSignInDoes() {
        localAccounts = new LocalAccountDetailsService(userRows);
    }

    @Test
    void only_admins_create_people_and_teams_or_change_membership() {
        assertThatThrownBy(() -> signedIn.as("kenji", "MEMBER",
                () -> users.create(new NewUser("eve", "Eve", null, Role.ADMIN, "a long enough password"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("kenji", "MEMBER", () -> teams.create(new NewTeam("eves", "Eve's", null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.run("kenji", "MEMBER", () -> teams.addMember("platform", "kenji")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'eve'", Integer.class)).isZero();
        assertThat(teams.isMember("kenji", "platform")).isFalse();
    }

    @Test
    void a_password_is_stored_as_an_argon2id_hash() {
        signedIn.as("admin", "ADMIN", () -> users.create(new NewUser("riko", "Riko Abe", "riko@example.com", Role.MEMBER,
                "correct horse battery")));
        String hash = jdbc.queryForObject("select password_hash from users where username = 'riko'", String.class);
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse battery");
        assertThat(localAccounts.loadUserByUsername("Riko").getUsername())
                .as("sign-in ignores the case of the username").isEqualTo("riko");
    }

    @Test
    void invalid_people_are_refused_with_one_message_per_field_and_nothing_is_stored() {
        assertThatThrownBy(() -> signedIn.as("admin", "ADMIN",
                () -> users.create(new NewUser("Has Spaces", "", "not-an-email", null, "short"))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getMessage())
                        .containsExactlyInAnyOrder("validation.username.format", "validation.displayName.required",
                                "validation.email.format", "validation.role.required", "validation.password.size"));
        assertThat(jdbc.queryForObject("select count(*) from users where display_name = ''", Integer.class)).isZero();
    }

    @Test
    void membership_is_what_later_features_use_for_edit_rights() {
        assertThat(teams.isMember("kenji", "payments")).isTrue();
        assertThat(teams.isMember("kenji", "engineering")).as("membership is direct, not inherited").isFalse();
        signedIn.run("admin", "ADMIN", () -> teams.addMember("marketplace", "kenji"));
        assertThat(teams.isMember("kenji", "marketplace")).isTrue();
        assertThatThrownBy(() -> signedIn.run("admin", "ADMIN", () -> teams.addMember("marketplace", "kenji")))
                .hasMessageContaining("already a member");
        signedIn.run("admin", "ADMIN", () -> teams.removeMember("marketplace", "kenji"));
        assertThat(teams.isMember("kenji", "marketplace")).isFalse();
    }

    @Test
    void a_chosen_language_is_remembered_per_person_and_only_by_that_person() {
        signedIn.run("sam", "MEMBER", () -> users.rememberLocale("sam", java.util.Locale.JAPAN));
        assertThat(users.preferredLocale("sam")).contains(java.util.Locale.JAPANESE);
        assertThatThrownBy(() -> signedIn.run("hana", "MEMBER", () -> users.rememberLocale("sam", java.util.Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    SingleSignOnAccounts singleSignOn;

    @Test
    void single_sign_on_links_a_verified_email_creates_new_members_and_never_links_an_unverified_email() {
        TokenOwner linked = singleSignOn.accountFor(new SingleSignOnAccounts.SignedInPerson("https://sso.example.com",
                "sub-hana", "hana.s", "Hana Sato", "HANA.SATO@example.com", true));
        assertThat(linked).isEqualTo(new TokenOwner("hana", Role.MEMBER));
        assertThat(singleSignOn.accountFor(new SingleSignOnAccounts.SignedInPerson("https://sso.example.com",
                "sub-hana", "whatever", "Whoever", null, false))).as("known by issuer and subject").isEqualTo(linked);

        TokenOwner impostor = singleSignOn.accountFor(new SingleSignOnAccounts.SignedInPerson("https://lax.example.com",
                "sub-x", "admin", "Not The Admin", "aiko.tanaka@example.com", false));
        assertThat(impostor.username()).isNotEqualTo("admin").startsWith("admin-");
        assertThat(impostor.role()).isEqualTo(Role.MEMBER);

        TokenOwner newcomer = singleSignOn.accountFor(new SingleSignOnAccounts.SignedInPerson("https://sso.example.com",
                "sub-new", null, "Ren Kato", "Ren.Kato@example.com", true));
        assertThat(newcomer).isEqualTo(new TokenOwner("ren.kato", Role.MEMBER));
    }

    @Autowired
    ApiTokenService tokens;

    @Test
    void a_disabled_person_cannot_sign_in_and_their_tokens_stop_working_until_enabled_again() {
        NewApiToken token = signedIn.as("yuki", "MEMBER", () -> tokens.create("yuki", "before-leaving", null));

        signedIn.as("admin", "ADMIN", () -> users.setEnabled("yuki", false));

        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThat(localAccounts.loadUserByUsername("yuki").isEnabled()).isFalse();

        signedIn.as("admin", "ADMIN", () -> users.setEnabled("yuki", true));

        assertThat(tokens.authenticate(token.token())).isPresent();
        assertThat(localAccounts.loadUserByUsername("yuki").isEnabled()).isTrue();
    }

    @Test
    void nobody_changes_their_own_access_and_the_last_enabled_admin_stays_an_admin() {
        assertThatThrownBy(() -> signedIn.as("admin", "ADMIN", () -> users.setRole("admin", Role.MEMBER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("admin", "ADMIN", () -> users.setEnabled("admin", false)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from users where role = 'ADMIN' and enabled", Integer.class))
                .as("precondition: the demo admin is the only one").isOne();
        assertThatThrownBy(() -> signedIn.as("automation", "ADMIN", () -> users.setEnabled("admin", false)))
                .hasMessageContaining("at least one enabled admin");
        assertThatThrownBy(() -> signedIn.as("automation", "ADMIN", () -> users.setRole("admin", Role.MEMBER)))
                .hasMessageContaining("at least one enabled admin");

        // with a second admin, the first may be demoted by the second
        signedIn.as("admin", "ADMIN", () -> users.setRole("sam", Role.ADMIN));
        signedIn.as("sam", "ADMIN", () -> users.setRole("admin", Role.MEMBER));
        assertThat(signedIn.as("sam", "ADMIN", () -> users.find("admin")).orElseThrow().role()).isEqualTo(Role.MEMBER);
        signedIn.as("sam", "ADMIN", () -> users.setRole("admin", Role.ADMIN));
        signedIn.as("admin", "ADMIN", () -> users.setRole("sam", Role.MEMBER));
        assertThat(jdbc.queryForObject("select count(*) from users where role = 'ADMIN'", Integer.class)).isOne();
    }
}
