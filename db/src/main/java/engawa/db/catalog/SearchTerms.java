package engawa.db.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
     * The words as a {@code to_tsquery} text, each a prefix ({@code paym:*}), all required. A run of
     * a script written without spaces (Japanese, Chinese) is matched by its pairs of characters in
     * a row, as {@code engawa_search_grams} stores them: {@code 決済ゲ} is {@code 決済 <-> 済ゲ}, so any
     * part of a title is found. Only letters and digits reach it, so nothing typed can change the
     * query's syntax.
     */
    public String tsquery() {
        return words.stream().map(SearchTerms::wordQuery).collect(Collectors.joining(" & "));
    }

    /** Characters of scripts written without spaces: the class {@code engawa_search_grams} splits into pairs. */
    static final Pattern UNSPACED = Pattern.compile(
            "[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+");

    private static String wordQuery(String word) {
        Matcher runs = UNSPACED.matcher(word);
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (runs.find()) {
            if (runs.start() > at) {
                parts.add(word.substring(at, runs.start()) + ":*");
            }
            parts.add(pairs(runs.group()));
            at = runs.end();
        }
        if (at == 0) {
            return word + ":*";
        }
        if (at < word.length()) {
            parts.add(word.substring(at) + ":*");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" & ", parts) + ")";
    }

    private static String pairs(String run) {
        int[] chars = run.codePoints().toArray();
        if (chars.length == 1) {
            return new String(chars, 0, 1) + ":*";
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < chars.length; i++) {
            pairs.add(new String(chars, i, 2));
        }
        return pairs.size() == 1 ? pairs.get(0) : "(" + String.join(" <-> ", pairs) + ")";
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
