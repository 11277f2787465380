package engawa.integrations.slo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a failed read says goes to every member who opens the SLO: never where Prometheus is, nor its password. */
class PrometheusClientTest {

    @Test
    void an_unreachable_prometheus_is_reported_without_its_address_or_credentials() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PrometheusClient client = new PrometheusClient("http://reader:s3cret-pass@127.0.0.1:" + closedPort + "/prom",
                Duration.ofSeconds(5));
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> client.range("sum(up)", end.minusSeconds(600), end, Duration.ofMinutes(1)))
                .isInstanceOf(PrometheusException.class)
                .hasMessage("Prometheus cannot be reached: the connection was refused.")
                .message().doesNotContain("127.0.0.1").doesNotContain(String.valueOf(closedPort)).doesNotContain("s3cret");
    }

    @Test
    void a_name_that_does_not_resolve_is_said_so_in_plain_words() {
        PrometheusClient client = new PrometheusClient("http://prometheus.invalid:9090", Duration.ofSeconds(5));
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> client.range("sum(up)", end.minusSeconds(600), end, Duration.ofMinutes(1)))
                .hasMessage("Prometheus cannot be reached: its name does not resolve.");
    }
}
