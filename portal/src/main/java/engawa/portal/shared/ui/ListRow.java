package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One row of a grid that reads as a list (people, API tokens): its title with a badge, a line of
 * facts under it, and its actions at the end, which wrap below it on a phone instead of being cut
 * off at the screen's edge as a table's last columns are.
 */
public final class ListRow {

    private ListRow() {
    }

    public static Div of(String title, Component badge, Component facts, Component actions) {
        Span name = new Span(title);
        name.addClassName("list-row-title");
        Div first = new Div(name, badge);
        first.addClassName("list-row-line");
        Div main = new Div(first, facts);
        main.addClassName("list-row-main");
        Div row = new Div(main, actions);
        row.addClassName("list-row");
        return row;
    }
}
