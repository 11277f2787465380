package engawa.db.notifications;

import java.time.Instant;

public record NotificationRow(long id, long recipientId, String topic, String message, String argsJson, String link,
        Instant createdAt, Instant readAt) {
}
