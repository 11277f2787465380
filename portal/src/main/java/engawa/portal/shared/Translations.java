package engawa.portal.shared;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The languages Engawa speaks, and where their texts are. */
public final class Translations {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, JAPANESE);
    private static final String BUNDLE = "i18n/messages";

    private Translations() {
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supportedOrEnglish(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A text as the REST API speaks it (English), for answers that carry words for people. */
    public static String english(String key) {
        ResourceBundle bundle = bundle(ENGLISH);
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    /** The supported language closest to {@code locale}; English when there is none. */
    public static Locale supportedOrEnglish(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    /** Parses a stored language tag, falling back to English for anything we do not speak. */
    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? ENGLISH : supportedOrEnglish(Locale.forLanguageTag(tag));
    }
}
