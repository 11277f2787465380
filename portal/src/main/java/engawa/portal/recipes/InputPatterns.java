package engawa.portal.recipes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patterns recipe owners give their inputs, matched with RE2/J: in time linear in the answer,
 * whatever the pattern, so that no owner's pattern (say {@code ((a+)+)+b}) can keep a request
 * running. RE2 has no look-around and no back-references; patterns that use them are refused
 * when the recipe is saved, with the engine's reason.
 */
final class InputPatterns {

    private static final Logger log = LoggerFactory.getLogger(InputPatterns.class);

    private InputPatterns() {
    }

    static Pattern compile(String pattern) {
        return Pattern.compile(pattern);
    }

    /**
     * Whether the whole answer matches. A pattern saved before patterns were checked with RE2 and
     * that it cannot read is not applied (the answer is taken), rather than blocking every run.
     */
    static boolean matches(String pattern, String answer) {
        try {
            return compile(pattern).matches(answer);
        } catch (PatternSyntaxException e) {
            log.warn("An input pattern cannot be checked with RE2 and was not applied: {}", e.getDescription());
            return true;
        }
    }
}
