package engawa.db.slo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An SLO with its service, owner and last evaluation.
 *
 * @param budgetMark the lowest budget mark passed and told: 100, 50, 25 or 0 (percent left)
 * @param budgetRemaining the share of the error budget left at the last evaluation (may be below 0)
 * @param receivedAt when a measurement last arrived
 */
public record SloRow(long id, long serviceId, String serviceName, String serviceTitle, Long ownerTeamId,
        String teamSlug, String teamName, Long ownerUserId, String ownerUsername, SloValues values, Instant createdAt,
        Instant updatedAt, long version, String state, String alertLevel, int budgetMark, BigDecimal budgetRemaining,
        BigDecimal achieved, Instant evaluatedAt, Instant receivedAt, Instant pulledAt, Instant pulledUntil,
        String pullError) {
}
