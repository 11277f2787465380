package engawa.portal.catalog;

/**
 * Something a picker offers: a service, resource, API or system.
 *
 * @param value what goes into the draft, e.g. {@code payments-api} or {@code resource:payments-db}
 * @param title its title, may be null
 * @param kind {@code component}, {@code resource}, {@code api} or {@code system}
 */
public record RefChoice(String value, String title, String kind) {

    /** Which field a picker fills. */
    public enum Field {
        DEPENDS_ON, APIS, SYSTEM
    }
}
