package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;

/** A titled box, as the catalog and recipe pages group what belongs together (styles.css: .card). */
public class Card extends Div {

    private final H2 heading;

    public Card(String title, Component... content) {
        heading = new H2(title);
        heading.addClassName("card-title");
        add(heading);
        add(content);
        addClassName("card");
    }

    /** For cards that are classes of their own: their title needs the translation, which a constructor's super() call cannot ask for. */
    protected Card() {
        this("");
    }

    public void setTitle(String title) {
        heading.setText(title);
    }
}
