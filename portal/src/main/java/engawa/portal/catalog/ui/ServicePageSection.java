package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import engawa.portal.catalog.CatalogEntry;
import org.springframework.modulith.NamedInterface;

/**
 * A part of a service's page that another feature fills (the SLOs' "Reliability" card), so the
 * catalog shows it without knowing that feature. A Spring bean; called as the page is built.
 */
@NamedInterface("ui")
public interface ServicePageSection {

    /** Lower first, below the ops links. */
    int order();

    /**
     * @param mayEdit whether the person may change the service (its owners and admins)
     */
    Component create(CatalogEntry service, boolean mayEdit);
}
