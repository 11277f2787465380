package engawa.portal.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;

/**
 * What a page says while its feature is still being built: plainly that it is coming, what it
 * will do, and what to do meanwhile, rather than an empty screen that looks broken.
 */
public class NotBuiltYet extends Div {

    public NotBuiltYet(Icon icon, String title, String whatItWillDo, String meanwhile) {
        addClassName("not-built-yet");
        icon.addClassName("not-built-yet-icon");
        Span badge = new Span(getTranslation("notBuiltYet.badge"));
        badge.getElement().getThemeList().add("badge contrast");
        add(icon, badge, new H2(title), new Paragraph(whatItWillDo), new Paragraph(meanwhile));
    }
}
