package engawa.portal.catalog;

import engawa.db.catalog.ScorecardLevel;
import engawa.db.catalog.ScorecardRule;
import java.util.List;

/**
 * The common minimum for one service: the few things every service must have so that operations
 * can help any team (an owner, on-call, logs, metrics, error tracking, a runbook, an SLO and SLO
 * data from the last 24 hours), and the level they add up to.
 *
 * @param checks in the order of {@link ScorecardRule}
 */
public record Scorecard(String service, ScorecardLevel level, List<Check> checks) {

    public record Check(ScorecardRule rule, boolean passed) {

        public String key() {
            return rule.key;
        }
    }

    public long passed() {
        return checks.stream().filter(Check::passed).count();
    }

    public int total() {
        return checks.size();
    }

    /** The level after this one and what it still lacks; null at Gold. */
    public ScorecardLevel nextLevel() {
        return level == ScorecardLevel.GOLD ? null : ScorecardLevel.values()[level.ordinal() + 1];
    }
}
