package engawa.portal.officehours.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.shared.ui.ItemPages;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A session's page and its edit page: 404 for an id there is no session of; 403 for the edit page
 * of a session this person does not host (nor is an admin).
 */
@org.springframework.stereotype.Component
class OfficeHoursItemPages implements ItemPages {

    private final OfficeHoursService sessions;

    OfficeHoursItemPages(OfficeHoursService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        Predicate<RouteParameters> sessionIsThere = address -> ItemPages.number(address, "id").map(sessions::exists).orElse(false);
        return Map.of(
                SessionView.class, sessionIsThere,
                // office-hours/new, or office-hours/sessions/:id/edit
                SessionEditView.class, address -> address.get("id").isEmpty() || sessionIsThere.test(address));
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> changePages() {
        return Map.of(SessionEditView.class, address -> address.get("id").isEmpty()
                || ItemPages.number(address, "id").map(sessions::mayManage).orElse(false));
    }
}
