package engawa.portal.slo.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.shared.ui.ItemPages;
import engawa.portal.slo.SloService;
import java.util.Map;
import java.util.function.Predicate;

/** An SLO's page: 404 for an id there is no SLO of. */
@org.springframework.stereotype.Component
class SloItemPages implements ItemPages {

    private final SloService slos;

    SloItemPages(SloService slos) {
        this.slos = slos;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        return Map.of(SloView.class, address -> ItemPages.number(address, "id").map(slos::exists).orElse(false));
    }
}
