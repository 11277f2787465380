package engawa.portal.catalog;

import engawa.db.catalog.Relation;
import java.util.List;
import java.util.Map;

/** A draft that passed every rule, with its owner found and its references in stored form. */
record ResolvedDraft(ServiceDraft draft, Owner owner, Map<Relation, List<String>> relations) {
}
