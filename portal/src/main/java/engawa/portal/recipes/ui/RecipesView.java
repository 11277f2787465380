package engawa.portal.recipes.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.portal.shared.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

/** Placeholder until the feature lands: says plainly what is coming (see the open issues). */
@Route("recipes")
@PermitAll
public class RecipesView extends Div implements HasDynamicTitle {

    public RecipesView() {
        addClassName("page");
        add(new NotBuiltYet(VaadinIcon.MAGIC.create(), getTranslation("recipes.title"),
                getTranslation("recipes.coming"), getTranslation("recipes.meanwhile")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recipes.title") + " · " + getTranslation("app.name");
    }
}
