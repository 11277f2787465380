package engawa.portal.catalog;

import engawa.portal.shared.UserFacingException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Someone changed the service after the version an edit started from. Carries the service as it
 * now is and what changed meanwhile, so the editor sees those changes instead of overwriting them.
 */
public class ServiceEditConflict extends UserFacingException {

    private final transient CatalogEntry current;
    private final transient List<ChangeEntry> missed;

    ServiceEditConflict(CatalogEntry current, List<ChangeEntry> missed) {
        super(Kind.STALE, "catalog.edit.conflict", who(missed), String.join(", ", fields(missed)));
        this.current = current;
        this.missed = List.copyOf(missed);
    }

    public CatalogEntry current() {
        return current;
    }

    /** Oldest first. */
    public List<ChangeEntry> missed() {
        return missed;
    }

    /** Every field that changed meanwhile, in form order. */
    public Set<String> changedFields() {
        return fields(missed);
    }

    private static String who(List<ChangeEntry> missed) {
        return String.join(", ", missed.stream().map(ChangeEntry::who).distinct().toList());
    }

    private static Set<String> fields(List<ChangeEntry> missed) {
        Set<String> fields = new LinkedHashSet<>();
        for (String field : ChangeSet.FIELDS) {
            if (missed.stream().anyMatch(c -> c.changes().containsKey(field))) {
                fields.add(field);
            }
        }
        return fields;
    }
}
