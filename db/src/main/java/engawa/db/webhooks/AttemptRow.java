package engawa.db.webhooks;

import java.time.Instant;

public record AttemptRow(long id, Instant attemptedAt, int statusCode, int latencyMs, String error, String responseExcerpt) {
}
