package engawa.portal.catalog.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.portal.shared.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

/** Placeholder until the feature lands: says plainly what is coming (see the open issues). */
@Route("catalog")
@PermitAll
public class CatalogView extends Div implements HasDynamicTitle {

    public CatalogView() {
        addClassName("page");
        add(new NotBuiltYet(VaadinIcon.CLUSTER.create(), getTranslation("catalog.title"),
                getTranslation("catalog.coming"), getTranslation("catalog.meanwhile")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " · " + getTranslation("app.name");
    }
}
