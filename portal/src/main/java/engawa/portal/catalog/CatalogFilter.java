package engawa.portal.catalog;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.ScorecardLevel;
import engawa.db.catalog.ScorecardRule;

/**
 * What a catalog list is narrowed to; every part optional.
 *
 * @param owner a team's short name or {@code user:name}
 * @param includeChildTeams with a team as owner, also the services of the teams below it
 * @param mine only services of the caller's teams and the caller
 * @param missing only services that fail this common-minimum rule ("without on-call")
 * @param level only services at this scorecard level
 * @param sloState only services with an SLO in this state ({@code SPENT}, ...)
 */
public record CatalogFilter(String owner, boolean includeChildTeams, boolean mine, Lifecycle lifecycle, Integer tier,
        String tag, String system, ScorecardRule missing, ScorecardLevel level, String sloState) {

    public static final CatalogFilter NONE = new CatalogFilter(null, false, false, null, null, null, null);

    public CatalogFilter(String owner, boolean includeChildTeams, boolean mine, Lifecycle lifecycle, Integer tier,
            String tag, String system) {
        this(owner, includeChildTeams, mine, lifecycle, tier, tag, system, null, null, null);
    }
}
