package engawa.portal.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * What the catalog keeps of a service's SLOs for its list, filter and scorecard.
 *
 * @param count how many SLOs it has; 0 when it has none left
 * @param states the states they are in now
 * @param dataReceivedAt the newest measurement any of them received, or null
 */
public record SloSummary(int count, Set<SloState> states, Instant dataReceivedAt) {

    /** The most serious state: what the catalog's list shows. */
    public SloState worst() {
        return states.stream().max(Enum::compareTo).orElse(SloState.NO_DATA);
    }
}
