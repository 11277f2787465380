package engawa.portal.app;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.people.UserAccountService;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * The browser's language is Vaadin's default; once a person has chosen a language it wins, in
 * every browser they sign in from. Looked up once per session, when the person is known.
 */
@Component
class PreferredLanguageInitializer implements VaadinServiceInitListener {

    private static final String APPLIED = PreferredLanguageInitializer.class.getName() + ".applied";

    private final UserAccountService users;

    PreferredLanguageInitializer(UserAccountService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            VaadinSession session = uiEvent.getUI().getSession();
            Principal principal = com.vaadin.flow.server.VaadinRequest.getCurrent() == null ? null
                    : com.vaadin.flow.server.VaadinRequest.getCurrent().getUserPrincipal();
            if (principal == null || Boolean.TRUE.equals(session.getAttribute(APPLIED))) {
                return;
            }
            session.setAttribute(APPLIED, Boolean.TRUE);
            users.preferredLocale(principal.getName()).ifPresent(locale -> {
                session.setLocale(locale);
                uiEvent.getUI().setLocale(locale);
            });
        });
    }
}
