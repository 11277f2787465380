package engawa.portal.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import engawa.portal.shared.DatabaseAway;
import engawa.portal.shared.Incidents;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click, a change or a list that fails on the server tells the person so. Vaadin's own handler
 * only logs, and to the person the button simply did nothing. With the database away they hear
 * that, and to try again in a minute; anything else gets an incident id for an admin, the details
 * in the log under it. Refusals the portal foresaw ({@code UserFacingException}) are shown by the
 * views themselves; one that a view did not catch is told here in its own words, without an
 * incident.
 */
@org.springframework.stereotype.Component
class FriendlyErrors implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler extends DefaultErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

        @Override
        public void error(ErrorEvent event) {
            Throwable failure = event.getThrowable();
            // a browser that went away mid-answer, and the like: nobody to tell, nothing to look into
            if (!shouldHandle(failure)) {
                return;
            }
            UI ui = event.getComponent().flatMap(com.vaadin.flow.component.Component::getUI).orElse(UI.getCurrent());
            String text = whatToTell(failure, ui == null ? Translations.ENGLISH : ui.getLocale());
            // no page to tell (a background task's failure): the log has it
            if (ui != null && UI.getCurrent() == ui) {
                FormErrors.notifyError(text);
            }
        }

        /**
         * What the person reads, and what the log keeps. A refusal the portal foresaw, if the view did
         * not (an item gone, a right lost meanwhile): in its own words, and no incident, as there is
         * nothing for an admin to look into. The database away: that, and to try again. Anything
         * else: an incident id, under which the log has the whole cause.
         */
        static String whatToTell(Throwable failure, Locale locale) {
            UserFacingException refusal = refusalIn(failure);
            if (refusal != null) {
                log.info("An action was refused: {}", refusal.messageKey());
                return refusal.messageIn(locale);
            }
            if (DatabaseAway.causes(failure)) {
                log.warn("An action failed: the database is not reachable ({})", failure.toString());
                return Translations.text("error.databaseAway.action", locale);
            }
            String incident = Incidents.newId();
            log.error("An action failed, incident {}", incident, failure);
            return Translations.text("error.server.action", locale, incident);
        }

        private static UserFacingException refusalIn(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof UserFacingException refusal) {
                    return refusal;
                }
            }
            return null;
        }
    }
}
