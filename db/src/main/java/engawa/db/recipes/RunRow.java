package engawa.db.recipes;

import java.time.Instant;
import java.util.UUID;

/**
 * A run with what its pages show of the recipe and the person.
 *
 * @param requestedBy the person's username; null for a scheduled test run
 * @param deliveryNote while queued after a failed attempt: the outbox's last error, else null
 * @param nextAttemptAt while queued after a failed attempt: when it is tried again
 */
public record RunRow(UUID id, long recipeId, String recipeSlug, String recipeTitleEn, String recipeTitleJa, int version,
        String requestedBy, String requestedByName, Instant requestedAt, String inputsJson, boolean test,
        RunStatus status, UUID eventId, Instant answerBy, Instant finishedAt, String message, String outputJson,
        int minutesSaved, UUID retryOf, String deliveryNote, Instant nextAttemptAt) {
}
