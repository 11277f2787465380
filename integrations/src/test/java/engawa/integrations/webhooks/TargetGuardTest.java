package engawa.integrations.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    /** Resolves literal addresses as themselves and every name to one public address. */
    static final HostResolver LITERALS_OR_PUBLIC = host -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host));
        }
        return List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}));
    };

    final TargetGuard guard = new TargetGuard(Set.of(), LITERALS_OR_PUBLIC);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://127.1.2.3/", "https://0.0.0.0/", "https://10.0.0.8/", "https://172.16.0.1/",
            "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/", "https://224.0.0.1/", "https://255.255.255.255/", "https://198.18.0.1/",
            "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
            "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:10.0.0.1]/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/", "https://[::127.0.0.1]/"})
    void every_internal_address_form_is_refused(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("internal address");
    }

    @Test
    void a_host_name_that_resolves_to_loopback_is_refused() {
        TargetGuard real = new TargetGuard(Set.of(), HostResolver.SYSTEM);
        assertThatThrownBy(() -> real.check(URI.create("https://localhost/hook")))
                .hasMessageContaining("internal address (127.0.0.1)");
        HostResolver sneaky = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        assertThatThrownBy(() -> new TargetGuard(Set.of(), sneaky).check(URI.create("https://looks-public.example/")))
                .hasMessageContaining("looks-public.example points to an internal address");
    }

    @Test
    void a_host_with_one_internal_address_among_public_ones_is_refused() {
        HostResolver mixed = host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5}));
        assertThatThrownBy(() -> new TargetGuard(Set.of(), mixed).check(URI.create("https://mixed.example/")))
                .hasMessageContaining("10.0.0.5");
    }

    @Test
    void public_https_targets_pass() {
        assertThatCode(() -> guard.check(URI.create("https://hooks.zapier.com/hooks/catch/123/abc/"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("https://93.184.215.14:8443/x"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("https://[2606:4700::1111]/"))).doesNotThrowAnyException();
    }

    @Test
    void only_https_is_accepted_and_the_message_says_why() {
        assertThatThrownBy(() -> guard.check(URI.create("http://hooks.example.com/")))
                .hasMessageContaining("Use https://");
        assertThatThrownBy(() -> guard.check(URI.create("ftp://hooks.example.com/")))
                .hasMessageContaining("Only https://");
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
                .hasMessageContaining("Only https://");
        assertThatThrownBy(() -> guard.check(URI.create("https://user:pw@hooks.example.com/")))
                .hasMessageContaining("credentials");
    }

    @Test
    void an_unknown_host_is_explained() {
        HostResolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThatThrownBy(() -> new TargetGuard(Set.of(), none).check(URI.create("https://no-such-host.example/")))
                .hasMessageContaining("cannot be found");
    }

    @Test
    void allow_listed_hosts_may_be_internal_and_plain_http_on_exactly_the_listed_port() throws Exception {
        TargetGuard allowing = new TargetGuard(TargetGuard.parseAllowedHosts("receiver.internal:8080, 10.0.0.9"),
                LITERALS_OR_PUBLIC);
        assertThatCode(() -> allowing.check(URI.create("http://receiver.internal:8080/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> allowing.check(URI.create("http://10.0.0.9:1234/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.check(URI.create("http://receiver.internal:9090/hook")))
                .isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> allowing.check(URI.create("https://10.0.0.10/")))
                .hasMessageContaining("internal address");
        assertThat(TargetGuard.parseAllowedHosts("  ")).isEmpty();
    }

    @Test
    void the_connect_time_dns_refuses_internal_answers() {
        HostResolver sneaky = host -> List.of(InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
        assertThatThrownBy(() -> new TargetGuard(Set.of(), sneaky).dns().lookup("metadata.example"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void the_portals_own_echo_address_is_exempt_and_nothing_else_on_its_host() throws Exception {
        TargetGuard withEcho = new TargetGuard(Set.of(), HostResolver.SYSTEM,
                java.util.List.of(URI.create("http://localhost:8080/api/v1/recipes/echo")));
        withEcho.check(URI.create("http://localhost:8080/api/v1/recipes/echo?fail=true"));
        for (String other : new String[] {"http://localhost:8080/api/v1/recipes", "http://localhost:8080/api/v1/recipes/echo/x",
                "http://localhost:8081/api/v1/recipes/echo", "http://user@localhost:8080/api/v1/recipes/echo",
                "https://localhost:8080/api/v1/recipes/echo"}) {
            assertThatThrownBy(() -> withEcho.check(URI.create(other))).as(other).isInstanceOf(RefusedTargetException.class);
        }
    }
}
