package engawa.portal.slo.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.catalog.CatalogService;
import engawa.portal.shared.ui.ItemPages;
import engawa.portal.slo.SloService;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An SLO's page and its edit page: 404 for an id there is no SLO of; a new SLO's page, for a
 * service there is not. 403 for the edit page or a new SLO's page where this person may not
 * change the service's SLOs.
 */
@org.springframework.stereotype.Component
class SloItemPages implements ItemPages {

    private final SloService slos;
    private final CatalogService catalog;

    SloItemPages(SloService slos, CatalogService catalog) {
        this.slos = slos;
        this.catalog = catalog;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        Predicate<RouteParameters> sloIsThere = address -> ItemPages.number(address, "id").map(slos::exists).orElse(false);
        return Map.of(
                SloView.class, sloIsThere,
                // services/:service/slos/new, or slos/:id/edit
                SloEditView.class, address -> address.get("id").isPresent() ? sloIsThere.test(address)
                        : catalog.exists(address.get("service").orElse("")));
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> changePages() {
        return Map.of(SloEditView.class, address -> address.get("id").isPresent()
                ? ItemPages.number(address, "id").map(slos::mayEdit).orElse(false)
                : catalog.mayEdit(address.get("service").orElse("")));
    }
}
