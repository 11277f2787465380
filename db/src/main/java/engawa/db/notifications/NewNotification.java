package engawa.db.notifications;

/**
 * A notification to write.
 *
 * @param argsJson a JSON array of the message's arguments
 * @param dedupeKey null, or a key that makes a second notification of the same thing a no-op
 */
public record NewNotification(long recipientId, String topic, String message, String argsJson, String link,
        String dedupeKey) {
}
