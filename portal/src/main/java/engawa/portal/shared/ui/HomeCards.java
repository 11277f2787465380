package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;

/** The cards Home shows newcomers: what a part of Engawa is for, and a way in. */
public final class HomeCards {

    private HomeCards() {
    }

    public static RouterLink card(Component on, VaadinIcon icon, String titleKey, String textKey,
            Class<? extends Component> target) {
        RouterLink link = new RouterLink(target);
        link.addClassName("home-card");
        link.add(icon.create(), new H3(on.getTranslation(titleKey)), new Paragraph(on.getTranslation(textKey)));
        return link;
    }
}
