package engawa.portal.recipes;

import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a recipe's form: what owners may define ({@link #checkDefinitions}) and what a
 * person's answers must be ({@link #answers}). The server decides; the browser only helps.
 */
public final class InputRules {

    public static final int MAX_FIELDS = 20;
    public static final int MAX_TEXT = 200;
    public static final int MAX_LONG_TEXT = 5000;
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final com.google.re2j.Pattern EMAIL = com.google.re2j.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Who is running it, and their today: what defaults such as {@code {me.email}} and
     * {@code {end-of-month}} become, and what "not in the past" means for them; and the language they
     * read Engawa in (English or Japanese), which the workflow learns, so it can answer in it.
     */
    public record Me(String username, String name, String email, String team, LocalDate today, Locale language) {

        public Me {
            language = Translations.supportedOrEnglish(language);
        }

        public Me on(LocalDate day) {
            return new Me(username, name, email, team, day, language);
        }

        String fill(String template) {
            if (template == null) {
                return null;
            }
            if (RelativeDates.looksRelative(template)) {
                return RelativeDates.resolve(template, today).map(LocalDate::toString).orElse(template);
            }
            return template.replace("{me.name}", nullToEmpty(name)).replace("{me.email}", nullToEmpty(email))
                    .replace("{me.team}", nullToEmpty(team)).replace("{me.username}", nullToEmpty(username));
        }
    }

    private InputRules() {
    }

    /** Refuses a form definition that could not be filled in or checked; problems name {@code inputs[i].…}. */
    public static void checkDefinitions(List<RecipeInput> inputs) {
        List<FieldProblem> problems = new ArrayList<>();
        if (inputs.size() > MAX_FIELDS) {
            problems.add(new FieldProblem("inputs", "recipes.inputs.tooMany", MAX_FIELDS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            RecipeInput input = inputs.get(i);
            String at = "inputs[" + i + "]";
            if (input.key() == null || !KEY.matcher(input.key()).matches()) {
                problems.add(new FieldProblem(at + ".key", "recipes.inputs.key", input.key() == null ? "" : input.key()));
            } else if (!keys.add(input.key())) {
                problems.add(new FieldProblem(at + ".key", "recipes.inputs.keyTwice", input.key()));
            }
            if (input.kind() == null || InputKind.byId(input.kind()).isEmpty()) {
                problems.add(new FieldProblem(at + ".kind", "recipes.inputs.kind", String.valueOf(input.kind())));
            }
            if (input.label() == null || input.label().isBlank() || input.label().length() > 80) {
                problems.add(new FieldProblem(at + ".label", "recipes.inputs.label"));
            }
            if (input.pattern() != null && !input.pattern().isBlank()) {
                try {
                    InputPatterns.compile(input.pattern());
                } catch (com.google.re2j.PatternSyntaxException e) {
                    problems.add(new FieldProblem(at + ".pattern", "recipes.inputs.pattern", e.getDescription()));
                }
            }
            if (input.inputKind() == InputKind.CHOICE && input.choices().isEmpty()) {
                problems.add(new FieldProblem(at + ".choices", "recipes.inputs.choices"));
            }
            if (input.inputKind() == InputKind.DATE && RelativeDates.looksRelative(input.defaultValue())
                    && RelativeDates.resolve(input.defaultValue(), LocalDate.EPOCH).isEmpty()) {
                problems.add(new FieldProblem(at + ".defaultValue", "recipes.inputs.relativeDate", input.defaultValue()));
            }
            checkLimits(input, at, problems);
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
    }

    private static void checkLimits(RecipeInput input, String at, List<FieldProblem> problems) {
        InputLimits limits = input.limits();
        if (limits == null) {
            return;
        }
        if (limits.whenOutside() != null && !InputLimits.REFUSE.equals(limits.whenOutside()) && !limits.warnOnly()) {
            problems.add(new FieldProblem(at + ".limits.whenOutside", "recipes.inputs.limits.whenOutside"));
        }
        if (limits.forNumbers() && input.inputKind() != InputKind.NUMBER) {
            problems.add(new FieldProblem(at + ".limits", "recipes.inputs.limits.numbersOnly"));
        }
        if (limits.forDates() && input.inputKind() != InputKind.DATE) {
            problems.add(new FieldProblem(at + ".limits", "recipes.inputs.limits.datesOnly"));
        }
        if (limits.min() != null && limits.max() != null && limits.min().compareTo(limits.max()) > 0) {
            problems.add(new FieldProblem(at + ".limits.max", "recipes.inputs.limits.order"));
        }
        for (Integer days : new Integer[] {limits.earliestInDays(), limits.latestInDays()}) {
            if (days != null && Math.abs(days) > InputLimits.MAX_DAYS) {
                problems.add(new FieldProblem(at + ".limits", "recipes.inputs.limits.days", InputLimits.MAX_DAYS));
            }
        }
        if (limits.earliestInDays() != null && limits.latestInDays() != null
                && limits.earliestInDays() > limits.latestInDays()) {
            problems.add(new FieldProblem(at + ".limits.latestInDays", "recipes.inputs.limits.order"));
        }
    }

    /** What a field shows before the person types: its default with {@code {me.…}} filled in. */
    public static String initialValue(RecipeInput input, Me me) {
        return input.defaultValue() == null ? "" : me.fill(input.defaultValue());
    }

    /**
     * Checks and converts a person's answers. A field left out gets its default; unknown keys are
     * refused, so a mistyped key is not silently dropped.
     *
     * @param confirmed the person saw the owners' warnings about implausible answers and runs anyway
     * @return the inputs as sent: text, numbers, {@code yyyy-mm-dd} dates and booleans
     * @throws UserFacingException naming each field as {@code inputs.<key>}; when only warnings
     *         stand in the way, with the problem property {@code confirm: true}
     */
    public static Map<String, Object> answers(List<RecipeInput> inputs, Map<String, ?> submitted, Me me,
            boolean confirmed) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FieldProblem> doubts = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (RecipeInput input : inputs) {
            known.add(input.key());
            String field = "inputs." + input.key();
            Object raw = submitted.containsKey(input.key()) ? submitted.get(input.key()) : initialValue(input, me);
            String text = raw == null ? "" : String.valueOf(raw).strip();
            InputKind kind = input.inputKind();
            if (kind == InputKind.CHECKBOX) {
                if (raw instanceof Boolean b) {
                    values.put(input.key(), b);
                } else if (text.isEmpty() || text.equals("false")) {
                    values.put(input.key(), false);
                } else if (text.equals("true")) {
                    values.put(input.key(), true);
                } else {
                    problems.add(new FieldProblem(field, "recipes.answer.checkbox", input.labelText()));
                    continue;
                }
                if (input.required() && !Boolean.TRUE.equals(values.get(input.key()))) {
                    problems.add(new FieldProblem(field, "recipes.answer.mustTick", input.labelText()));
                }
                continue;
            }
            if (text.isEmpty()) {
                if (input.required()) {
                    problems.add(new FieldProblem(field, "recipes.answer.required", input.labelText()));
                } else {
                    values.put(input.key(), null);
                }
                continue;
            }
            int max = kind == InputKind.LONG_TEXT ? MAX_LONG_TEXT : MAX_TEXT;
            if (text.length() > max) {
                problems.add(new FieldProblem(field, "recipes.answer.tooLong", input.labelText(), max));
                continue;
            }
            switch (kind) {
                case NUMBER -> {
                    BigDecimal number;
                    try {
                        number = new BigDecimal(text.replace(",", ""));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(field, "recipes.answer.number", input.labelText()));
                        continue;
                    }
                    values.put(input.key(), number);
                    Plausibility.ofNumber(input, field, number).ifPresent(p -> (limitsWarn(input) ? doubts : problems).add(p));
                }
                case DATE -> {
                    LocalDate date;
                    try {
                        date = LenientDates.parse(text);
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldProblem(field, "recipes.answer.date", input.labelText()));
                        continue;
                    }
                    values.put(input.key(), date.toString());
                    Plausibility.ofDate(input, field, date, me.today())
                            .ifPresent(p -> (limitsWarn(input) ? doubts : problems).add(p));
                }
                case EMAIL -> {
                    if (!EMAIL.matcher(text).matches()) {
                        problems.add(new FieldProblem(field, "recipes.answer.email", input.labelText()));
                        continue;
                    }
                    values.put(input.key(), text);
                }
                case CHOICE -> {
                    if (!input.choices().contains(text)) {
                        problems.add(new FieldProblem(field, "recipes.answer.choice", input.labelText(),
                                String.join(", ", input.choices())));
                        continue;
                    }
                    values.put(input.key(), text);
                }
                default -> values.put(input.key(), text);
            }
            if (input.pattern() != null && !input.pattern().isBlank() && kind != InputKind.NUMBER
                    && !InputPatterns.matches(input.pattern(), text)) {
                problems.add(new FieldProblem(field, "recipes.answer.pattern", input.labelText(),
                        input.help() == null || input.help().isBlank() ? input.pattern()
                                : new engawa.portal.shared.InBothLanguages(input.help(), input.helpJa())));
            }
        }
        for (String key : submitted.keySet()) {
            if (!known.contains(key)) {
                problems.add(new FieldProblem("inputs." + key, "recipes.answer.unknown", key));
            }
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        if (!doubts.isEmpty() && !confirmed) {
            throw UserFacingException.invalidFields(doubts).withProblemProperty("confirm", true);
        }
        return values;
    }

    /** The same, with the owners' warnings not yet confirmed. */
    public static Map<String, Object> answers(List<RecipeInput> inputs, Map<String, ?> submitted, Me me) {
        return answers(inputs, submitted, me, false);
    }

    private static boolean limitsWarn(RecipeInput input) {
        return input.limits() != null && input.limits().warnOnly();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
