package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.catalog.CatalogService;
import engawa.portal.people.TeamService;
import engawa.portal.shared.ui.ItemPages;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A service's page, its edit page and a team's page: 404 for a name the catalog does not have; 403
 * for the edit page of a service this person may not change.
 */
@org.springframework.stereotype.Component
class CatalogItemPages implements ItemPages {

    private final CatalogService catalog;
    private final TeamService teams;

    CatalogItemPages(CatalogService catalog, TeamService teams) {
        this.catalog = catalog;
        this.teams = teams;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        return Map.of(
                ServiceView.class, address -> catalog.exists(address.get("name").orElse("")),
                ServiceEditView.class, address -> catalog.exists(address.get("name").orElse("")),
                TeamView.class, address -> teams.exists(address.get("slug").orElse("")));
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> changePages() {
        return Map.of(ServiceEditView.class, address -> catalog.mayEdit(address.get("name").orElse("")));
    }
}
