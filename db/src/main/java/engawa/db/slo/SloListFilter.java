package engawa.db.slo;

import java.util.List;

/**
 * Which SLOs the overview shows; every part optional (null: any).
 *
 * @param ownerTeamIds SLOs of services owned by one of these teams
 */
public record SloListFilter(List<Long> ownerTeamIds, String state, String serviceName) {

    public static final SloListFilter ALL = new SloListFilter(null, null, null);
}
