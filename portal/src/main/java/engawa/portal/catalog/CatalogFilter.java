package engawa.portal.catalog;

import engawa.db.catalog.Lifecycle;

/**
 * What a catalog list is narrowed to; every part optional.
 *
 * @param owner a team's short name or {@code user:name}
 * @param includeChildTeams with a team as owner, also the services of the teams below it
 * @param mine only services of the caller's teams and the caller
 */
public record CatalogFilter(String owner, boolean includeChildTeams, boolean mine, Lifecycle lifecycle, Integer tier,
        String tag, String system) {

    public static final CatalogFilter NONE = new CatalogFilter(null, false, false, null, null, null, null);
}
