package engawa.db.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Which services a list shows; every part is optional (null: any).
 *
 * @param ownerTeamIds services owned by one of these teams ...
 * @param ownerUserId ... or by this person; with both set, either matches ("my services")
 * @param missing services that fail this scorecard rule ("services without on-call")
 * @param level services at exactly this scorecard level
 * @param sloState services with at least one SLO in this state ({@code HEALTHY}, {@code SPENT} ...)
 * @param freshSince SLO data after this time counts as received "in the last 24 hours"; needed
 *        with {@code missing} or {@code level}
 */
public record ServiceFilter(List<Long> ownerTeamIds, Long ownerUserId, Lifecycle lifecycle, Integer tier, String tag,
        String systemName, ScorecardRule missing, ScorecardLevel level, String sloState, Instant freshSince) {

    public static final ServiceFilter ALL = new ServiceFilter(null, null, null, null, null, null);

    public ServiceFilter(List<Long> ownerTeamIds, Long ownerUserId, Lifecycle lifecycle, Integer tier, String tag,
            String systemName) {
        this(ownerTeamIds, ownerUserId, lifecycle, tier, tag, systemName, null, null, null, null);
    }

    public ServiceFilter withoutFacets() {
        return new ServiceFilter(ownerTeamIds, ownerUserId, null, null, tag, systemName, missing, level, sloState,
                freshSince);
    }

    boolean filtersOwner() {
        return ownerTeamIds != null || ownerUserId != null;
    }
}
