package engawa.portal.catalog;

import java.util.Optional;

/** Finds owners by short name: one at a time for an edit, from preloaded maps for an import. */
interface OwnerDirectory {

    Optional<Owner> team(String slug);

    Optional<Owner> person(String username);
}
