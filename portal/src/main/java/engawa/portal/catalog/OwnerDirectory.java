package engawa.portal.catalog;

import java.util.Optional;

/** Finds owners by short name: one at a time for an edit, from preloaded maps for an import. */
interface OwnerDirectory {

    Optional<Owner> team(String slug);

    Optional<Owner> person(String username);

    /**
     * An owner that is not here yet, kept as pending instead of refusing the service; only an
     * import by an admin offers that (a catalog arrives in any order). Everywhere else: none.
     */
    default Optional<Owner> pending(String kind, String name, boolean bare) {
        return Optional.empty();
    }
}
