package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A feature's pages that show one item named in their address (a service, a run, a session), each
 * with the check whether that item is there for the person asking now. The check runs before the
 * page is drawn, so that the page's answer says 404 where the page will say it found nothing
 * ({@code app.PageStatus}): a link checker or an uptime monitor reads only the status. One indexed
 * lookup each, with the same rules of who may see what as the page's own.
 */
public interface ItemPages {

    Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages();

    /**
     * Of those pages, the ones that change their item (an edit form), each with the check whether
     * the person asking now may change it: 403 where the page says it is not theirs to change.
     * Asked only once the item was found; the same rules as the page's own, and as the save's.
     */
    default Map<Class<? extends Component>, Predicate<RouteParameters>> changePages() {
        return Map.of();
    }

    /** A number in the address, or nothing when that part of the address is no number ("/slos/abc"). */
    static Optional<Long> number(RouteParameters address, String name) {
        try {
            return address.getLong(name);
        } catch (IllegalArgumentException notANumber) { // Flow's own words for a NumberFormatException
            return Optional.empty();
        }
    }
}
