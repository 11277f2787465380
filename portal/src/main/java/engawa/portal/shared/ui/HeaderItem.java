package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature puts in the header of every page for the person signed in (the
 * notifications bell), so the shell knows no feature. Called on the UI thread as a page is built.
 */
public interface HeaderItem {

    /** Lower first, left of the language switch. */
    int order();

    /** The item, or empty when it has nothing for this person (the admin token has no inbox). */
    Optional<Component> create();
}
