package engawa.portal.catalog;

import java.util.List;

/**
 * One of a person's services that needs something, in plain words: the common minimum it lacks
 * (scorecard rule keys) and the state of its worst SLO when that is at risk or worse.
 *
 * @param levelKey {@code none}, {@code bronze}, {@code silver} or {@code gold}
 * @param missing scorecard rule keys ({@code onCall}, {@code runbook}, …)
 * @param sloStateAtRisk the worst SLO state's text key ({@code atRisk}, {@code burningFast}, {@code spent}), or null
 */
public record ServiceAttention(String name, String displayName, String levelKey, List<String> missing,
        String sloStateAtRisk) {
}
