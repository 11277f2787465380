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

    /**
     * A text in a language, its arguments filled in: for what is written outside a page (e-mails,
     * API answers). A missing key shows as itself, so that it is noticed.
     */
    public static String text(String key, Locale locale, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            return key + (arguments.length == 0 ? "" : " " + java.util.Arrays.toString(arguments));
        }
        String text = bundle.getString(key);
        // MessageFormat treats apostrophes as quotes; texts without arguments are shown as written
        return arguments.length == 0 ? text : new java.text.MessageFormat(text, locale).format(arguments);
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
