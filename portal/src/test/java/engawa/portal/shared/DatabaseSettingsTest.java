package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** What an operator is told when the database settings cannot work, before anything is changed. */
class DatabaseSettingsTest {

    @Test
    void without_an_embedded_database_the_url_is_required_and_the_message_says_which_settings() {
        EngawaProperties.Db none = new EngawaProperties.Db(null, null, null, false);
        assertThatThrownBy(none::requireOne)
                .hasMessageContaining("set ENGAWA_DB_URL")
                .hasMessageContaining("ENGAWA_DB_USER and ENGAWA_DB_PASSWORD")
                .hasMessageContaining("ENGAWA_DB_EMBEDDED=false");
        assertThatCode(new EngawaProperties.Db("jdbc:postgresql://db/engawa", "u", "p", false)::requireOne)
                .doesNotThrowAnyException();
        assertThatCode(new EngawaProperties.Db(" ", null, null, true)::requireOne).doesNotThrowAnyException();
    }

    @Test
    void the_socket_timeout_is_whole_seconds_for_the_driver_and_a_negative_one_is_refused_saying_what_to_give() {
        assertThat(new EngawaProperties.Db(null, null, null, true).socketTimeoutSeconds()).isEqualTo(60);
        assertThat(withSocketTimeout(java.time.Duration.ofMillis(1500)).socketTimeoutSeconds()).as("a part rounded up").isEqualTo(2);
        assertThat(withSocketTimeout(java.time.Duration.ofMillis(200)).socketTimeoutSeconds()).as("not 0, which means no limit")
                .isEqualTo(1);
        assertThat(withSocketTimeout(java.time.Duration.ZERO).socketTimeoutSeconds()).isZero();
        assertThatThrownBy(() -> withSocketTimeout(java.time.Duration.ofSeconds(-5)))
                .hasMessageContaining("ENGAWA_DB_SOCKET_TIMEOUT").hasMessageContaining("such as 60s, or 0 for no limit");
    }

    private static EngawaProperties.Db withSocketTimeout(java.time.Duration timeout) {
        return new EngawaProperties.Db(null, null, null, true, timeout);
    }

    @Test
    void a_postgresql_older_than_17_is_refused_naming_its_version() {
        assertThatThrownBy(() -> PostgresVersionCheck.check(15, "15.18 (Debian 15.18-0+deb12u1)"))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("needs PostgreSQL 17 or newer")
                .hasMessageContaining("15.18 (Debian")
                .hasMessageContaining("nothing was changed");
        assertThatCode(() -> PostgresVersionCheck.check(17, "17.11")).doesNotThrowAnyException();
        assertThatCode(() -> PostgresVersionCheck.check(18, "18.1")).doesNotThrowAnyException();
    }
}
