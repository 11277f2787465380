package engawa.portal.catalog.ui;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;

/** Links between the catalog's pages, by their view classes rather than by spelled-out addresses. */
final class CatalogLinks {

    private CatalogLinks() {
    }

    static RouterLink service(String name, String text) {
        return new RouterLink(text, ServiceView.class, new RouteParameters("name", name));
    }

    static RouterLink team(String slug, String text) {
        return new RouterLink(text, TeamView.class, new RouteParameters("slug", slug));
    }

    /** The catalog filtered as the address would say it: {@code catalog?tag=pci}. */
    static RouterLink catalog(String text, Map<String, String> filter) {
        RouterLink link = new RouterLink(text, CatalogView.class);
        link.setQueryParameters(QueryParameters.simple(filter));
        return link;
    }
}
