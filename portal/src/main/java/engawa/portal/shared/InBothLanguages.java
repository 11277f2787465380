package engawa.portal.shared;

import java.util.Locale;

/**
 * A text an owner wrote in English and perhaps Japanese (a form field's label), given as an
 * argument to a message: each reader sees it in their own language inside the sentence.
 */
public record InBothLanguages(String english, String japanese) {

    public String in(Locale locale) {
        return "ja".equals(locale.getLanguage()) && japanese != null && !japanese.isBlank() ? japanese : english;
    }

    @Override
    public String toString() {
        return english;
    }
}
