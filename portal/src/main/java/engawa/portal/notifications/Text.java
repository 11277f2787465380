package engawa.portal.notifications;

import java.util.Locale;

/**
 * One argument of a notification's sentence, in both languages when they differ (a session's
 * Japanese title, a time written the Japanese way); {@code ja} may be null.
 */
public record Text(String en, String ja) {

    public static Text of(String same) {
        return new Text(same, null);
    }

    public String in(Locale locale) {
        return "ja".equals(locale.getLanguage()) && ja != null && !ja.isBlank() ? ja : en;
    }
}
