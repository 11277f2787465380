package engawa.portal;

import static engawa.portal.support.BrowserSession.location;
import static engawa.portal.support.BrowserSession.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.support.BrowserSession;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh installation never opens with a password everyone knows: the demo's README passwords
 * work only on a portal that listens on this machine alone, and a real installation starts with an
 * admin password made up at its first start, to be changed at the first sign-in.
 */
@ExtendWith(OutputCaptureExtension.class)
class FreshInstallIT {

    @TempDir
    Path dataDir;

    @Test
    void the_demos_public_passwords_open_nothing_on_a_portal_others_can_reach() throws Exception {
        try (ConfigurableApplicationContext portal = start("server.address=0.0.0.0", "engawa.demo-data=true")) {
            BrowserSession local = BrowserSession.on(port(portal));
            var refused = local.signIn("admin", "engawa-admin");
            assertThat(signedIn(refused)).as("listening on every address, even from this machine").isFalse();
            assertThat(location(refused)).endsWith("/login?error");
            assertThat(signedIn(local.signIn("hana", "engawa-staff"))).isFalse();
            Optional<InetAddress> lan = nonLoopbackAddress();
            if (lan.isPresent()) {
                BrowserSession remote = new BrowserSession("http://" + lan.get().getHostAddress() + ":" + port(portal));
                assertThat(signedIn(remote.signIn("admin", "engawa-admin"))).as("from " + lan.get()).isFalse();
            }
        }
        // the same data on a portal that listens on this machine alone: the demo works as the README says
        try (ConfigurableApplicationContext portal = start("server.address=127.0.0.1", "engawa.demo-data=true")) {
            assertThat(signedIn(BrowserSession.on(port(portal)).signIn("admin", "engawa-admin"))).isTrue();
        }
    }

    @Test
    void a_real_installation_starts_with_one_admin_whose_made_up_password_is_shown_once_and_must_be_changed(
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext portal = start("server.address=0.0.0.0", "engawa.demo-data=false")) {
            Matcher shown = Pattern.compile("Sign in as 'admin' with the password (\\S+) and choose your own").matcher(output.getAll());
            assertThat(shown.find()).as("the first start says the password").isTrue();
            String password = shown.group(1);
            assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
            JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT username FROM users", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForObject("SELECT must_change_password FROM users WHERE username = 'admin'", Boolean.class))
                    .isTrue();
            assertThat(signedIn(BrowserSession.on(port(portal)).signIn("admin", password))).isTrue();
            assertThat(signedIn(BrowserSession.on(port(portal)).signIn("admin", "engawa-admin"))).isFalse();
        }
        try (ConfigurableApplicationContext again = start("server.address=0.0.0.0", "engawa.demo-data=false")) {
            assertThat(output.getAll().split("Sign in as 'admin' with the password", -1)).as("shown once, at the first start")
                    .hasSize(2);
        }
    }

    /** Settings as command-line arguments: they win over application.properties, as an operator's would. */
    private ConfigurableApplicationContext start(String... properties) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--engawa.data-dir=" + dataDir));
        java.util.Arrays.stream(properties).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(EngawaApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** An address of this machine that others could reach, when it has one (CI machines may not). */
    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
