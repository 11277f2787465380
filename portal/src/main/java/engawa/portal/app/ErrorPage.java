package engawa.portal.app;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;

/**
 * What the error pages share: an icon, the page's one heading (also its title), a sentence on
 * what to do, and the way home.
 */
abstract class ErrorPage extends Div implements HasDynamicTitle {

    private final String titleKey;

    ErrorPage(String id, VaadinIcon icon, String titleKey, String textKey) {
        this.titleKey = titleKey;
        addClassName("error-view");
        setId(id);
        add(icon.create(), new H1(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)),
                new RouterLink(getTranslation("error.backHome"), HomeView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
