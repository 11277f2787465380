package engawa.portal.catalog;

import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.ScorecardLevel;
import engawa.portal.people.Callers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own services that need something (Home and the weekly digest): those below gold
 * on the common minimum, or with an SLO at risk or worse.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MyServices {

    /** Home and the digest name a handful; an owner of more opens the catalog filtered to theirs. */
    static final int LOOKED_AT = 50;

    private final CatalogService catalog;
    private final Callers callers;

    MyServices(CatalogService catalog, Callers callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    /**
     * Whether the caller runs services the company depends on: an admin, or an owner (in person or
     * through a team) of a tier 1 or 2 service. Engineers' pages and tools are put in front of them
     * and folded away for everyone else, who can still open them: a finance team that owns its
     * month-end report (tier 3) is not pushed SLOs and webhooks. See decision 020.
     */
    @Transactional(readOnly = true)
    public boolean worksOnServices() {
        if (callers.current().admin()) {
            return true;
        }
        // one query for both tiers: every page's navigation asks
        Map<Integer, Long> tiers = catalog.facets(mine()).tiers();
        return tiers.getOrDefault(1, 0L) + tiers.getOrDefault(2, 0L) > 0;
    }

    private CatalogQuery mine() {
        return catalog.query(null, new CatalogFilter(null, false, true, null, null, null, null));
    }

    /**
     * @param owned how many services the caller owns ({@value #LOOKED_AT} at most are looked at)
     */
    public record Overview(int owned, List<ServiceAttention> needingAttention) {
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        List<CatalogService.Scored> mine = catalog.listScored(mine(), CatalogServices.Sort.NAME, PageRequest.of(0, LOOKED_AT));
        List<ServiceAttention> needing = new ArrayList<>();
        for (CatalogService.Scored scored : mine) {
            ServiceSummary s = scored.summary();
            SloState state = s.worstSloState() == null ? null : SloState.byKey(s.worstSloState()).orElse(null);
            boolean atRisk = state != null && state != SloState.HEALTHY && state != SloState.NO_DATA;
            if (s.level() == ScorecardLevel.GOLD && !atRisk) {
                continue;
            }
            List<String> missing = scored.scorecard() == null ? List.of() : scored.scorecard().checks().stream()
                    .filter(c -> !c.passed()).map(c -> c.rule().textKey()).toList();
            needing.add(new ServiceAttention(s.name(), s.displayName(), s.level().name().toLowerCase(Locale.ROOT),
                    missing, atRisk ? state.textKey() : null));
        }
        return new Overview(mine.size(), needing);
    }
}
