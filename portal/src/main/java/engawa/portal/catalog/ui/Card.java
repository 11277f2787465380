package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;

/** A titled box, as every catalog page groups what belongs together (styles.css: .card). */
class Card extends Div {

    Card(String title, Component... content) {
        H2 heading = new H2(title);
        heading.addClassName("card-title");
        add(heading);
        add(content);
        addClassName("card");
    }
}
