package engawa.db.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How far a service is along the common minimum. Each level needs every rule of the levels
 * below it: Bronze is "someone answers when it breaks", Silver "and they can see what it does",
 * Gold "and they know how reliable it is, from data that is current".
 */
public enum ScorecardLevel {

    NONE(EnumSet.noneOf(ScorecardRule.class)),
    BRONZE(EnumSet.of(ScorecardRule.OWNER, ScorecardRule.ON_CALL, ScorecardRule.RUNBOOK)),
    SILVER(EnumSet.of(ScorecardRule.OWNER, ScorecardRule.ON_CALL, ScorecardRule.RUNBOOK, ScorecardRule.LOGS,
            ScorecardRule.METRICS, ScorecardRule.ERRORS)),
    GOLD(EnumSet.allOf(ScorecardRule.class));

    /** Every rule a service must pass to reach this level. */
    public final Set<ScorecardRule> needs;

    ScorecardLevel(Set<ScorecardRule> needs) {
        this.needs = needs;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The highest level whose rules all pass. */
    public static ScorecardLevel of(Set<ScorecardRule> passed) {
        ScorecardLevel reached = NONE;
        for (ScorecardLevel level : List.of(BRONZE, SILVER, GOLD)) {
            if (passed.containsAll(level.needs)) {
                reached = level;
            }
        }
        return reached;
    }

    /** The rules this level adds to the one below it. */
    public Set<ScorecardRule> adds() {
        if (this == NONE) {
            return Set.of();
        }
        EnumSet<ScorecardRule> added = EnumSet.copyOf(needs);
        added.removeAll(values()[ordinal() - 1].needs);
        return added;
    }

    public static java.util.Optional<ScorecardLevel> byKey(String key) {
        return java.util.Arrays.stream(values()).filter(l -> l.key().equalsIgnoreCase(key)).findFirst();
    }
}
