package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One row of a grid that reads as a list (people, API tokens, e-mails sent): its title with a badge, a line of
 * facts under it, and its actions at the end, which wrap below it on a phone instead of being cut
 * off at the screen's edge as a table's last columns are.
 */
public final class ListRow {

    private ListRow() {
    }

    /** The facts and anything below them go in {@code details}; a row may have no actions. */
    public static Div of(String title, Component badge, Component details, Component... actions) {
        Span name = new Span(title);
        name.addClassName("list-row-title");
        Div first = new Div(name, badge);
        first.addClassName("list-row-line");
        Div main = new Div(first, details);
        main.addClassName("list-row-main");
        Div row = new Div(main);
        row.add(actions);
        row.addClassName("list-row");
        return row;
    }

    /** "Expires 3 Mar 2027": a label and its value, kept together when the line wraps. */
    public static Span fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("list-row-label");
        Span fact = new Span(name, new Span(value));
        fact.addClassName("list-row-fact");
        return fact;
    }

    /** Facts side by side, as many a line as fit. */
    public static Div facts(Span... facts) {
        Div line = new Div(facts);
        line.addClassName("list-row-facts");
        return line;
    }
}
