package engawa.portal.catalog;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.db.catalog.ScorecardLevel;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A service as a list shows it.
 *
 * @param description its beginning only
 * @param opsLinks which standard links it has
 * @param level its common-minimum level
 * @param worstSloState the worst state among its SLOs ({@code SPENT} ...), null without SLOs
 */
public record ServiceSummary(String name, String title, String description, String type, Lifecycle lifecycle,
        Integer tier, Owner owner, String system, List<String> tags, Set<OpsLinkKind> opsLinks, Instant updatedAt,
        ScorecardLevel level, String worstSloState) {

    public String displayName() {
        return title != null ? title : name;
    }
}
