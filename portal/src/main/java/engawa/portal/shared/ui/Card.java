package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;

/** A titled box, as the catalog and recipe pages group what belongs together (styles.css: .card). */
public class Card extends Div {

    public Card(String title, Component... content) {
        H2 heading = new H2(title);
        heading.addClassName("card-title");
        add(heading);
        add(content);
        addClassName("card");
    }
}
