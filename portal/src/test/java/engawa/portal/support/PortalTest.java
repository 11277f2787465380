package engawa.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole portal on a real embedded PostgreSQL in a fresh directory, on a random port, with the
 * demo people and a known admin token. Every test class that uses it shares one running context;
 * the clock is set back to the real time before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "engawa.data-dir=target/it-data/${random.uuid}",
        "engawa.admin-token=" + PortalTest.ADMIN_TOKEN,
        "engawa.demo-data=true",
        // webhook receivers in tests are local MockWebServers; a day of retries takes 86 s
        "engawa.webhooks.allowed-hosts=localhost,127.0.0.1",
        "engawa.webhooks.retry-scale=0.001",
        "engawa.webhooks.poll-interval=50ms"})
@Import(PortalTest.TestClock.class)
@org.junit.jupiter.api.extension.ExtendWith(ClockReset.class)
public @interface PortalTest {

    String ADMIN_TOKEN = "it-admin-token-0123456789";

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        TestEvents testEvents(org.springframework.context.ApplicationEventPublisher publisher,
                org.springframework.transaction.PlatformTransactionManager transactions,
                org.springframework.jdbc.core.JdbcTemplate jdbc, engawa.portal.webhooks.EventJson json) {
            return new TestEvents(publisher, transactions, jdbc, json);
        }

        @Bean
        SignedIn signedIn(org.springframework.security.core.context.SecurityContextHolderStrategy contexts) {
            return new SignedIn(contexts);
        }
    }
}
