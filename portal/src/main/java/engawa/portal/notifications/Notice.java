package engawa.portal.notifications;

import java.util.List;

/**
 * What to tell people: a sentence (a message key and its arguments), the page it is about, and why
 * it was sent, for the admins' list of e-mails (never what someone wrote).
 *
 * @param link a path inside the portal, e.g. {@code /office-hours/sessions/412}
 * @param dedupeKey null, or a key under which the same notice to the same person is written only once
 */
public record Notice(Topic topic, String message, List<Text> args, String link, String reason, String dedupeKey) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(Topic topic, String message, String link, String reason, Text... args) {
        return new Notice(topic, message, List.of(args), link, reason, null);
    }

    public Notice once(String key) {
        return new Notice(topic, message, args, link, reason, key);
    }
}
