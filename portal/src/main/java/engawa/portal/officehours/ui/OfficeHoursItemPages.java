package engawa.portal.officehours.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.shared.ui.ItemPages;
import java.util.Map;
import java.util.function.Predicate;

/** A session's page: 404 for an id there is no session of. */
@org.springframework.stereotype.Component
class OfficeHoursItemPages implements ItemPages {

    private final OfficeHoursService sessions;

    OfficeHoursItemPages(OfficeHoursService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        return Map.of(SessionView.class, address -> ItemPages.number(address, "id").map(sessions::exists).orElse(false));
    }
}
