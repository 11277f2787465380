package engawa.portal.recipes;

import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a run will do, told in the owners' words before the person presses Run: a sentence with the
 * form's answers in braces, "This will post a reminder to {team} that expenses are due {deadline}".
 * Plain text: the answers are put in as text and the page shows it as text, never as markup.
 */
public final class PlainPreview {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,39})\\}");
    /** Shown for an answer not given yet. */
    public static final String NOT_YET = "…";

    private PlainPreview() {
    }

    /** A placeholder that names no field of the form: the owners would show "{dedline}" to everyone. */
    static List<FieldProblem> problems(String template, List<RecipeInput> inputs, String field) {
        if (template == null) {
            return List.of();
        }
        Set<String> keys = inputs.stream().map(RecipeInput::key).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!keys.contains(m.group(1))) {
                problems.add(new FieldProblem(field, "recipes.plainPreview.unknownField", m.group(1),
                        keys.stream().sorted().map(k -> "{" + k + "}").collect(Collectors.joining(", "))));
                break;
            }
        }
        return problems;
    }

    /**
     * The sentence with each placeholder replaced by its answer as people write it; a blank answer
     * shows as {@value #NOT_YET}.
     */
    public static String render(String template, Function<String, String> answerShown) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = answerShown.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(shown == null || shown.isBlank() ? NOT_YET : shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
