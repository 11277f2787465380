package engawa.portal.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import engawa.portal.shared.DatabaseAway;
import engawa.portal.shared.Incidents;
import engawa.portal.shared.ui.FormErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click, a change or a list that fails on the server tells the person so. Vaadin's own handler
 * only logs, and to the person the button simply did nothing. With the database away they hear
 * that, and to try again in a minute; anything else gets an incident id for an admin, the details
 * in the log under it. Refusals the portal foresaw ({@code UserFacingException}) are shown by the
 * views themselves and never come here.
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
            if (DatabaseAway.causes(failure)) {
                log.warn("An action failed: the database is not reachable ({})", failure.toString());
                tell(ui, "error.databaseAway.action");
            } else {
                String incident = Incidents.newId();
                log.error("An action failed, incident {}", incident, failure);
                tell(ui, "error.server.action", incident);
            }
        }

        private static void tell(UI ui, String key, Object... parameters) {
            // no page to tell (a background task's failure): the log has it
            if (ui != null && UI.getCurrent() == ui) {
                FormErrors.notifyError(ui.getTranslation(key, parameters));
            }
        }
    }
}
