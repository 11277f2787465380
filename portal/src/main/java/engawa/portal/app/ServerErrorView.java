package engawa.portal.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import engawa.portal.shared.DatabaseAway;
import engawa.portal.shared.Incidents;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown instead of Vaadin's own error page when a page cannot be drawn. With the database away:
 * what is happening, that nothing saved is lost, and a way to try again (503). Anything else: an
 * incident id to give an admin, who finds the details in the log under it (500). Never the
 * exception's own words, which speak to engineers and may name the portal's insides. No layout
 * around it: the layout may be what could not be drawn.
 */
@AnonymousAllowed
public class ServerErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private String titleKey = "error.server.title";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception failure = parameter.getCaughtException();
        String address = "/" + event.getLocation().getPathWithQueryParameters();
        removeAll();
        addClassName("error-view");
        if (DatabaseAway.causes(failure)) {
            log.warn("Page {} not drawn: the database is not reachable ({})", address, failure.toString());
            draw("database-away", VaadinIcon.PLUG, "error.databaseAway.title", getTranslation("error.databaseAway.text"));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String incident = Incidents.newId();
        log.error("Page {} not drawn, incident {}", address, incident, failure);
        draw("server-error", VaadinIcon.WARNING, "error.server.title", getTranslation("error.server.text", incident));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private void draw(String id, VaadinIcon icon, String titleKey, String text) {
        this.titleKey = titleKey;
        setId(id);
        Button again = new Button(getTranslation("error.tryAgain"), VaadinIcon.REFRESH.create(),
                e -> UI.getCurrent().getPage().reload());
        again.setId("error-try-again");
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a plain link: Home loads afresh, with its layout
        Anchor home = new Anchor("/", getTranslation("error.backHome"));
        Div actions = new Div(again, home);
        actions.addClassName("error-actions");
        add(icon.create(), new H1(getTranslation(titleKey)), new Paragraph(text), actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
