package engawa.db.catalog;

import java.time.Instant;

/**
 * One entry of a service's history.
 *
 * @param version the service's version after the change
 * @param actorName the display name when the actor is a person, else null
 * @param changesJson {@code {"field": {"from": ..., "to": ...}}}
 */
public record ChangeRow(long id, long serviceId, long version, Instant changedAt, String actor, String actorName,
        String action, String changesJson) {
}
