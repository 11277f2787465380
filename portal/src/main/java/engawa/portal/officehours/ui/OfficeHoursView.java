package engawa.portal.officehours.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.portal.shared.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

/** Placeholder until the feature lands: says plainly what is coming (see the open issues). */
@Route("office-hours")
@PermitAll
public class OfficeHoursView extends Div implements HasDynamicTitle {

    public OfficeHoursView() {
        addClassName("page");
        add(new NotBuiltYet(VaadinIcon.COFFEE.create(), getTranslation("officeHours.title"),
                getTranslation("officeHours.coming"), getTranslation("officeHours.meanwhile")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("officeHours.title") + " · " + getTranslation("app.name");
    }
}
