package engawa.portal.recipes.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import engawa.portal.recipes.OwnerContact;

/** "Who to ask: Finance & Operations", with a link to the team (its members) or the person's e-mail. */
final class AskTheOwners extends Paragraph {

    AskTheOwners(OwnerContact contact) {
        addClassName("ask-owners");
        setId("recipe-owner-contact");
        add(new Span(getTranslation("recipes.askOwners") + " "));
        if (contact.link() == null) {
            add(new Span(contact.name()));
            return;
        }
        Anchor link = new Anchor(contact.link(), contact.name());
        if (contact.link().startsWith("/")) {
            // a page of the portal: opened in place, like the other links
            link.getElement().setAttribute("router-link", true);
        }
        add(link);
    }
}
