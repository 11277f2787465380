package engawa.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import engawa.portal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The running portal's log keeps out a closed tab's two ERRORs: the filter has joined the logging Spring Boot set up. */
@PortalTest
class ClosedTabNoiseIT {

    @Test
    void the_running_portals_logging_holds_back_a_closed_tabs_errors() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).anyMatch(ClosedTabNoise.class::isInstance);
        assertThat(logging.getLogger(ClosedTabNoise.ATMOSPHERE_PROCESSOR).isErrorEnabled()).isTrue();
    }
}
