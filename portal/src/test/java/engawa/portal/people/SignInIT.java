package engawa.portal.people;

import static engawa.portal.support.BrowserSession.location;
import static engawa.portal.support.BrowserSession.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.portal.support.ApiClient;
import engawa.portal.support.BrowserSession;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in through the form, over real HTTP, as a browser does: guessing is slowed down, a form
 * posted from another site is refused, and a session ends at its next request when its person's
 * role, access or password changed.
 */
@PortalTest
class SignInIT {

    static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    SignedIn signedIn;
    @Autowired
    UserAccountService users;
    @Autowired
    PasswordService passwords;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ServletWebServerApplicationContext web;

    @AfterEach
    void forgetFailures() {
        // every test here signs in from 127.0.0.1: its failures must not slow the next test down
        jdbc.update("DELETE FROM sign_in_failures");
    }

    /** A person of this test's own, so that no demo account is touched. */
    String person(Role role) {
        String username = "it-sign-in-" + NAMES.incrementAndGet();
        signedIn.as("admin", "ADMIN", () -> users.create(new NewUser(username, "Sign-in " + username, null, role,
                "correct horse battery")));
        return username;
    }

    @Test
    void five_wrong_passwords_are_free_then_even_the_right_one_waits_until_the_wait_is_over() throws Exception {
        String who = person(Role.MEMBER);
        BrowserSession browser = BrowserSession.on(port);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = browser.signIn(who, "wrong password " + i);
            assertThat(location(wrong)).as("try %d", i).endsWith("/login?error");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_failures WHERE subject = ? AND blocked_until IS NULL",
                Long.class, "user:" + who)).as("five are free").isOne();
        assertThat(location(browser.signIn(who, "wrong password 6"))).endsWith("/login?error");

        HttpResponse<String> right = browser.signIn(who, "correct horse battery");
        assertThat(signedIn(right)).as("the right password during the wait").isFalse();
        assertThat(browser.get("/").statusCode()).isEqualTo(302);

        clock.advance(Duration.ofSeconds(31));
        assertThat(signedIn(browser.signIn(who, "correct horse battery"))).as("after the wait").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_failures WHERE subject = ?", Long.class,
                "user:" + who)).as("a sign-in forgets the failures").isZero();
    }

    @Test
    void the_wait_doubles_with_every_further_failure_up_to_a_quarter_of_an_hour() {
        assertThat(SignInGuard.ACCOUNT.waitAfter(5)).isZero();
        assertThat(SignInGuard.ACCOUNT.waitAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInGuard.ACCOUNT.waitAfter(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInGuard.ACCOUNT.waitAfter(40)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInGuard.ADDRESS.waitAfter(30)).as("an office shares an address").isZero();
        assertThat(SignInGuard.ADDRESS.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused_and_signs_nobody_in() throws Exception {
        String who = person(Role.MEMBER);
        BrowserSession browser = BrowserSession.on(port);
        HttpResponse<String> crossSite = browser.signIn(who, "correct horse battery", Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("Open the portal's own sign-in page");
        HttpResponse<String> otherOrigin = browser.signIn(who, "correct horse battery", Map.of("Origin", "https://evil.example.com"));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still signed out").isEqualTo(302);

        HttpResponse<String> sameOrigin = browser.signIn(who, "correct horse battery",
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:" + port));
        assertThat(signedIn(sameOrigin)).isTrue();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void an_overlong_password_is_refused_before_it_is_hashed() throws Exception {
        String who = person(Role.MEMBER);
        assertThat(location(BrowserSession.on(port).signIn(who, "x".repeat(100_000)))).endsWith("/login?error");
    }

    @Test
    void a_refused_sign_in_keeps_the_username_for_the_form_but_never_the_password_tried() throws Exception {
        String who = person(Role.MEMBER);
        String tried = "my-real-password-typed-wrong-" + NAMES.incrementAndGet();
        assertThat(location(BrowserSession.on(port).signIn(who, tried))).endsWith("/login?error");

        // what the sign-in page reads back: the failure kept in the person's session on the server
        List<AuthenticationException> kept = new ArrayList<>();
        Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        for (Session session : context.getManager().findSessions()) {
            if (session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e
                    && e.getAuthenticationRequest() != null && who.equals(e.getAuthenticationRequest().getName())) {
                kept.add(e);
            }
        }
        assertThat(kept).as("the failure kept for the sign-in page").hasSize(1);
        assertThat(kept.getFirst().getAuthenticationRequest().getCredentials()).as("the password tried").isNull();
    }

    @Test
    void a_demoted_admins_open_session_ends_at_its_next_request() throws Exception {
        String who = person(Role.ADMIN);
        BrowserSession browser = BrowserSession.on(port);
        assertThat(signedIn(browser.signIn(who, "correct horse battery"))).isTrue();
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);

        signedIn.run("admin", "ADMIN", () -> users.setRole(who, Role.MEMBER));

        HttpResponse<String> next = browser.get("/admin/users");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).endsWith("/login");
        assertThat(browser.get("/").statusCode()).as("the whole session ended, not only admin pages").isEqualTo(302);
        // signing in again gives a session with the rights they have now
        assertThat(signedIn(browser.signIn(who, "correct horse battery"))).isTrue();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void disabling_someone_ends_their_session_and_so_does_an_api_call_that_disables_them() throws Exception {
        String who = person(Role.MEMBER);
        BrowserSession browser = BrowserSession.on(port);
        assertThat(signedIn(browser.signIn(who, "correct horse battery"))).isTrue();
        assertThat(new ApiClient(port).send("PATCH", "/api/v1/users/" + who, PortalTest.ADMIN_TOKEN, "{\"enabled\": false}")
                .statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(signedIn(browser.signIn(who, "correct horse battery"))).isFalse();
    }

    @Test
    void a_password_reset_ends_every_session_and_the_temporary_password_must_be_replaced() throws Exception {
        String who = person(Role.MEMBER);
        BrowserSession laptop = BrowserSession.on(port);
        BrowserSession phone = BrowserSession.on(port);
        assertThat(signedIn(laptop.signIn(who, "correct horse battery"))).isTrue();
        assertThat(signedIn(phone.signIn(who, "correct horse battery"))).isTrue();

        String temporary = signedIn.as("admin", "ADMIN", () -> passwords.reset(who));

        assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(laptop.get("/").statusCode()).isEqualTo(302);
        assertThat(phone.get("/").statusCode()).isEqualTo(302);
        assertThat(signedIn(laptop.signIn(who, "correct horse battery"))).as("the old password").isFalse();
        assertThat(signedIn(laptop.signIn(who, temporary))).isTrue();
        assertThat(signedIn.as(who, "MEMBER", () -> users.find(who)).orElseThrow().mustChangePassword()).isTrue();

        signedIn.run(who, "MEMBER", () -> passwords.changeOwn(temporary, "a brand new passphrase"));
        assertThat(signedIn.as(who, "MEMBER", () -> users.find(who)).orElseThrow().mustChangePassword()).isFalse();
        assertThat(signedIn(phone.signIn(who, "a brand new passphrase"))).isTrue();
    }

    @Test
    void a_new_password_is_checked_and_a_refused_change_changes_nothing() {
        String who = person(Role.MEMBER);
        assertThat(problems(who, () -> passwords.changeOwn("not it", "a brand new passphrase"))).containsExactly("current");
        assertThat(problems(who, () -> passwords.changeOwn("correct horse battery", "short"))).containsExactly("password");
        assertThat(problems(who, () -> passwords.changeOwn("correct horse battery", "engawa-admin"))).containsExactly("password");
        assertThat(problems(who, () -> passwords.changeOwn("correct horse battery", "correct horse battery")))
                .containsExactly("password");
        assertThat(problems(who, () -> passwords.changeOwn("correct horse battery", who))).containsExactly("password");
    }

    @Test
    void nobody_can_take_the_admin_tokens_or_the_systems_name() {
        assertThat(ApiTokenService.ADMIN_TOKEN_PRINCIPAL).doesNotMatch(User.USERNAME_PATTERN);
        assertThat(engawa.portal.shared.SystemAuthentication.NAME).doesNotMatch(User.USERNAME_PATTERN);
    }

    @Test
    void pages_say_what_may_run_in_them_and_that_no_other_site_may_frame_them() throws Exception {
        HttpResponse<String> page = BrowserSession.on(port).get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.headers().map().toString()).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
        // behind a TLS proxy on this machine: https as far as the browser knows
        HttpResponse<String> proxied = new ApiClient(port).send("GET", "/login", null, null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("max-age="));
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Secure"));
        HttpResponse<String> api = new ApiClient(port).send("GET", "/api/v1/me", null, null);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** The fields a refused change names; a change that went through names none. */
    private java.util.List<String> problems(String who, Runnable change) {
        try {
            signedIn.run(who, "MEMBER", change);
            return java.util.List.of();
        } catch (engawa.portal.shared.UserFacingException refused) {
            return refused.fieldProblems().stream().map(engawa.portal.shared.UserFacingException.FieldProblem::field).toList();
        }
    }
}
