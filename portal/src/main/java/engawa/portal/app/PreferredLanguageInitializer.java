package engawa.portal.app;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.people.UserAccountService;
import engawa.portal.shared.Translations;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * The browser's language is Vaadin's default; once a person has chosen a language it wins, in
 * every browser they sign in from. Looked up once per session, when the person is known. The
 * page's {@code <html lang>} follows, so that screen readers speak Japanese pages in Japanese, and
 * so do the words of Vaadin's connection indicator.
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
            applyPreference(uiEvent.getUI());
            // screen readers choose their voice by <html lang>: Japanese pages must not be read as English
            uiEvent.getUI().getPage().executeJs("document.documentElement.lang = $0",
                    Translations.supportedOrEnglish(uiEvent.getUI().getLocale()).getLanguage());
            ConnectionIndicatorTexts.apply(uiEvent.getUI());
        });
        // the first HTML already says the language the browser asked for, before any script runs
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html")
                .attr("lang", Translations.supportedOrEnglish(response.getVaadinRequest().getLocale()).getLanguage()));
    }

    private void applyPreference(com.vaadin.flow.component.UI ui) {
        VaadinSession session = ui.getSession();
        Principal principal = com.vaadin.flow.server.VaadinRequest.getCurrent() == null ? null
                : com.vaadin.flow.server.VaadinRequest.getCurrent().getUserPrincipal();
        if (principal == null || Boolean.TRUE.equals(session.getAttribute(APPLIED))) {
            return;
        }
        java.util.Optional<java.util.Locale> preferred;
        try {
            preferred = users.preferredLocale(principal.getName());
        } catch (RuntimeException e) {
            if (engawa.portal.shared.DatabaseAway.causes(e)) {
                // the page still opens (in the browser's language) and says what is wrong; asked again on the next
                return;
            }
            throw e;
        }
        session.setAttribute(APPLIED, Boolean.TRUE);
        preferred.ifPresent(locale -> {
            session.setLocale(locale);
            ui.setLocale(locale);
        });
    }
}
