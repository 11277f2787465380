package engawa.db.notifications;

import java.time.Instant;

/**
 * An e-mail to queue.
 *
 * @param reason why it is sent, for the admins' list: never what someone wrote
 * @param notBefore when it may go (the end of the recipient's quiet hours, or now)
 */
public record NewEmail(Long recipientId, String to, String subject, String text, String html, String topic, String reason,
        Instant notBefore) {
}
