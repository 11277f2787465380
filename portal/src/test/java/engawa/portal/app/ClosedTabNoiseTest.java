package engawa.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two ERRORs of a tab that closed stay out of the log; the same words with another cause, and
 * anything else, get in. Logged as Atmosphere and Vaadin log them (a parameter, then the exception
 * as the last argument; a message with the exception).
 */
class ClosedTabNoiseTest {

    private final LoggerContext logging = new LoggerContext();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.setContext(logging);
        log.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        logging.addTurboFilter(new ClosedTabNoise());
    }

    @AfterEach
    void stop() {
        logging.stop();
    }

    @Test
    void a_closed_tab_leaves_no_error_in_the_log() {
        logging.getLogger(ClosedTabNoise.ATMOSPHERE_PROCESSOR).error("Failed to cancel resource: {}", "2675f134",
                new NullPointerException("Cannot invoke \"org.atmosphere.cpr.AtmosphereResource.getResponse()\" because \"resource\" is null"));
        logging.getLogger(ClosedTabNoise.ATMOSPHERE_PROCESSOR).error("Failed to cancel resource: {}", "35473e7e",
                new IllegalStateException("The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method"));
        logging.getLogger(ClosedTabNoise.VAADIN_PUSH_HANDLER).error("Exception in push connection",
                new IllegalStateException("Message will not be sent because the WebSocket session has been closed"));

        assertThat(log.list).isEmpty();
    }

    @Test
    void the_same_words_with_another_cause_and_everything_else_get_in() {
        logging.getLogger(ClosedTabNoise.ATMOSPHERE_PROCESSOR).error("Failed to cancel resource: {}", "2675f134",
                new IllegalArgumentException("something else"));
        logging.getLogger(ClosedTabNoise.VAADIN_PUSH_HANDLER).error("Exception in push connection",
                new IllegalStateException("out of memory for buffers"));
        logging.getLogger(ClosedTabNoise.ATMOSPHERE_PROCESSOR).warn("Failed to cancel resource: {}", "2675f134",
                new NullPointerException());
        logging.getLogger("engawa.portal.app.ServerErrorView").error("Page {} not drawn, incident {}", "/x", "abc",
                new NullPointerException());

        List<String> logged = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).containsExactly("Failed to cancel resource: 2675f134", "Exception in push connection",
                "Failed to cancel resource: 2675f134", "Page /x not drawn, incident abc");
    }
}
