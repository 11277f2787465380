package engawa.portal.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A refusal that a person can act on. It carries a translation key so that the browser shows it
 * in the reader's language; its English text is what the REST API returns.
 */
public class UserFacingException extends RuntimeException {

    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_MANY,
        /** Based on a version that is no longer the current one (HTTP 412 after If-Match). */
        STALE,
        /** A write that must say which version it is based on and did not (HTTP 428). */
        PRECONDITION_REQUIRED,
        /** More than a request may carry (HTTP 413). */
        TOO_LARGE
    }

    /** One field's problem: the field as the API names it, and a translation key with its arguments. */
    public record FieldProblem(String field, String messageKey, Object... arguments) {

        public String messageIn(Locale locale) {
            return render(messageKey, locale, arguments);
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;
    private final transient List<FieldProblem> fieldProblems;
    private final transient Map<String, Object> problemProperties = new LinkedHashMap<>();

    public UserFacingException(Kind kind, String messageKey, Object... arguments) {
        this(kind, messageKey, List.of(), arguments);
    }

    private UserFacingException(Kind kind, String messageKey, List<FieldProblem> fieldProblems, Object... arguments) {
        super(fieldProblems.isEmpty() ? render(messageKey, Locale.ENGLISH, arguments) : describe(fieldProblems));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** Input that breaks rules of named fields; the form shows each under its field. */
    public static UserFacingException invalidFields(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("No problems to report");
        }
        FieldProblem first = problems.getFirst();
        return new UserFacingException(Kind.INVALID, first.messageKey(), problems, first.arguments());
    }

    public static UserFacingException invalidField(String field, String messageKey, Object... arguments) {
        return invalidFields(List.of(new FieldProblem(field, messageKey, arguments)));
    }

    public static UserFacingException invalid(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.INVALID, messageKey, arguments);
    }

    public static UserFacingException notFound(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static UserFacingException conflict(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.CONFLICT, messageKey, arguments);
    }

    public static UserFacingException forbidden(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.FORBIDDEN, messageKey, arguments);
    }

    /** Too many requests of a kind in a short time: try again later. */
    public static UserFacingException tooMany(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.TOO_MANY, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public String messageIn(Locale locale) {
        return fieldProblems.isEmpty() ? render(messageKey, locale, arguments) : describe(fieldProblems, locale);
    }

    /** Adds a member to the API's problem answer, e.g. what changed meanwhile. */
    public UserFacingException withProblemProperty(String name, Object value) {
        problemProperties.put(name, value);
        return this;
    }

    public Map<String, Object> problemProperties() {
        return Map.copyOf(problemProperties);
    }

    /** Empty unless the refusal is about named fields. */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    private static String describe(List<FieldProblem> problems) {
        return describe(problems, Locale.ENGLISH);
    }

    private static String describe(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> p.field() + ": " + p.messageIn(locale)).collect(Collectors.joining("; "));
    }

    static String render(String key, Locale locale, Object... arguments) {
        Object[] inLanguage = arguments.clone();
        for (int i = 0; i < inLanguage.length; i++) {
            if (inLanguage[i] instanceof InBothLanguages text) {
                inLanguage[i] = text.in(locale);
            }
        }
        return Translations.text(key, locale, inLanguage);
    }
}
