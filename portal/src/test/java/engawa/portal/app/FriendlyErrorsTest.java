package engawa.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/** What a person reads when a click fails on the server, and whether an operator is called to look into it. */
class FriendlyErrorsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(FriendlyErrors.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void a_refusal_no_view_caught_is_told_in_its_own_words_without_an_incident() {
        RuntimeException wrapped = new RuntimeException(UserFacingException.notFound("officeHours.notFound", "7"));

        String told = FriendlyErrors.Handler.whatToTell(wrapped, Translations.JAPANESE);

        assertThat(told).isEqualTo("セッション 7 はありません。");
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
    }

    @Test
    void the_database_away_is_said_as_such_and_anything_else_gets_an_incident_id_that_the_log_keeps() {
        String away = FriendlyErrors.Handler.whatToTell(new CannotCreateTransactionException("connection refused"),
                Translations.ENGLISH);
        assertThat(away).isEqualTo(Translations.text("error.databaseAway.action", Translations.ENGLISH));

        String fault = FriendlyErrors.Handler.whatToTell(new IllegalStateException("a bug"), Translations.ENGLISH);
        java.util.regex.Matcher incident = java.util.regex.Pattern.compile("incident id ([0-9a-f]{8})").matcher(fault);
        assertThat(incident.find()).as(fault).isTrue();
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.ERROR);
        assertThat(log.list.get(1).getFormattedMessage()).isEqualTo("An action failed, incident " + incident.group(1));
        assertThat(log.list.get(1).getThrowableProxy().getMessage()).isEqualTo("a bug");
    }
}
