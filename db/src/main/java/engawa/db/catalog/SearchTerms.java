package engawa.db.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A search as the database runs it. Resolved once per search text (see
 * {@link CatalogServices#resolve(String, ServiceFilter)}), then used for every page and the count.
 *
 * @param text what the person typed, trimmed
 * @param words the words of {@code text} (letters and digits), lower case, at most {@value #MAX_WORDS}
 * @param mode how the services are matched
 * @param correctedText when a mistyped word was corrected, the text that was searched instead
 */
public record SearchTerms(String text, List<String> words, Mode mode, String correctedText) {

    public static final int MAX_WORDS = 8;
    public static final int MAX_TEXT_LENGTH = 200;

    public enum Mode {
        /** No text: every service the filter allows. */
        ALL,
        /** Full-text over name, title, tags and description, every word as a prefix. */
        FULL_TEXT,
        /** Nothing matched the words, nor their corrections: names that look alike. */
        SIMILAR_NAME
    }

    public static SearchTerms of(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            trimmed = trimmed.substring(0, MAX_TEXT_LENGTH);
        }
        List<String> words = Arrays.stream(trimmed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
        return new SearchTerms(trimmed, words, words.isEmpty() ? Mode.ALL : Mode.FULL_TEXT, null);
    }

    /**
     * The words as a {@code to_tsquery} text, each a prefix ({@code paym:*}), all required. Only
     * letters and digits reach it, so nothing typed can change the query's syntax.
     */
    String tsquery() {
        return words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
    }

    /** The text compared with names by trigram similarity: the words joined as names are. */
    String nameLike() {
        return String.join("-", words);
    }

    SearchTerms correctedTo(List<String> corrected) {
        return new SearchTerms(text, corrected, Mode.FULL_TEXT, String.join(" ", corrected));
    }

    SearchTerms bySimilarName() {
        return new SearchTerms(text, words, Mode.SIMILAR_NAME, null);
    }
}
