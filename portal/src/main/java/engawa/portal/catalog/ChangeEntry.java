package engawa.portal.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a service's history.
 *
 * @param actorName the person's name, or null for the admin token and the system
 * @param action CREATED, UPDATED or IMPORTED
 */
public record ChangeEntry(long version, Instant at, String actor, String actorName, String action,
        Map<String, FieldChange> changes) {

    /** The person's name where there is one, else what acted. */
    public String who() {
        return actorName != null ? actorName : actor;
    }
}
