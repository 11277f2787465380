package engawa.portal.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Short names for addresses (a team's {@code finance-operations}, a recipe's, an SLO's), made from
 * what people typed: accents dropped, lower case, runs of anything else as one hyphen. The one
 * rule every feature uses to suggest a short name; each checks its own length and uniqueness.
 */
public final class Slugs {

    private Slugs() {
    }

    /**
     * @return lower-case letters and digits joined by single hyphens, at most {@code maxLength} long;
     *         empty when nothing in the text can be one (a name written in Japanese only)
     */
    public static String from(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String slug = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > maxLength ? slug.substring(0, maxLength).replaceAll("-+$", "") : slug;
    }
}
