package engawa.db.catalog;

import java.util.List;

/**
 * Which services a list shows; every part is optional (null: any).
 *
 * @param ownerTeamIds services owned by one of these teams ...
 * @param ownerUserId ... or by this person; with both set, either matches ("my services")
 */
public record ServiceFilter(List<Long> ownerTeamIds, Long ownerUserId, Lifecycle lifecycle, Integer tier, String tag,
        String systemName) {

    public static final ServiceFilter ALL = new ServiceFilter(null, null, null, null, null, null);

    public ServiceFilter withoutFacets() {
        return new ServiceFilter(ownerTeamIds, ownerUserId, null, null, tag, systemName);
    }

    boolean filtersOwner() {
        return ownerTeamIds != null || ownerUserId != null;
    }
}
