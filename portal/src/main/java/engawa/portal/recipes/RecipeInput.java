package engawa.portal.recipes;

import com.fasterxml.jackson.annotation.JsonInclude;
import engawa.portal.shared.InBothLanguages;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One field of a recipe's form, as its owners define it and as stored (JSON).
 *
 * @param key the name in the payload's {@code inputs}: lower case letters, digits and underscores
 * @param kind one of {@link InputKind}'s ids ({@code text}, {@code long-text}, ...)
 * @param defaultValue may name the person running it: {@code {me.name}}, {@code {me.email}}, {@code {me.team}};
 *        for dates a day relative to today: {@code {today}}, {@code {today+7}}, {@code {end-of-month}},
 *        {@code {next-monday}} … {@code {next-sunday}}
 * @param pattern a regular expression the whole answer must match, for text fields
 * @param choices for {@code choice}: the options offered
 * @param limits what a plausible answer is (numbers, dates), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RecipeInput(String key, String kind,
        @Size(max = LABEL_MAX_LENGTH, message = "recipes.inputs.label") String label,
        @Size(max = LABEL_MAX_LENGTH, message = "recipes.inputs.label") String labelJa,
        @Size(max = HELP_MAX_LENGTH, message = "recipes.field.tooLong") String help,
        @Size(max = HELP_MAX_LENGTH, message = "recipes.field.tooLong") String helpJa,
        Boolean required,
        @Size(max = InputRules.MAX_LONG_TEXT, message = "recipes.field.tooLong") String defaultValue,
        @Size(max = PATTERN_MAX_LENGTH, message = "recipes.field.tooLong") String pattern,
        @Size(max = MAX_CHOICES, message = "recipes.inputs.tooManyChoices")
        List<@Size(max = InputRules.MAX_TEXT, message = "recipes.field.tooLong") String> choices,
        InputLimits limits) {

    public static final int LABEL_MAX_LENGTH = 80;
    public static final int HELP_MAX_LENGTH = 500;
    public static final int PATTERN_MAX_LENGTH = 200;
    public static final int MAX_CHOICES = 50;

    public RecipeInput {
        // left out in JSON means optional
        required = Boolean.TRUE.equals(required);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A field without plausibility limits. */
    public RecipeInput(String key, String kind, String label, String labelJa, String help, String helpJa, Boolean required,
            String defaultValue, String pattern, List<String> choices) {
        this(key, kind, label, labelJa, help, helpJa, required, defaultValue, pattern, choices, null);
    }

    public RecipeInput withLimits(InputLimits newLimits) {
        return new RecipeInput(key, kind, label, labelJa, help, helpJa, required, defaultValue, pattern, choices, newLimits);
    }

    /** The label as an argument of messages: each reader sees it in their language. */
    public InBothLanguages labelText() {
        return new InBothLanguages(label, labelJa);
    }

    public InputKind inputKind() {
        return InputKind.byId(kind).orElse(InputKind.TEXT);
    }

    public String label(boolean japanese) {
        return japanese && labelJa != null && !labelJa.isBlank() ? labelJa : label;
    }

    public String help(boolean japanese) {
        return japanese && helpJa != null && !helpJa.isBlank() ? helpJa : help;
    }
}
