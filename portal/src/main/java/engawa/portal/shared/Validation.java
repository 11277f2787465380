package engawa.portal.shared;

import engawa.portal.shared.UserFacingException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one way features check what people write: the rules a single value must keep (required, at
 * most so long, of this form, in this range) are Bean Validation annotations on the draft record,
 * with translation keys as messages and limits as the record's constants; the rules that need
 * several fields or the database are the feature's own. Both end as {@link FieldProblem}s named
 * by the record's components, so a form shows each under its field and the API lists them all.
 */
public final class Validation {

    private static final Validator VALIDATOR = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private Validation() {
    }

    /** Every broken single-value rule of {@code draft}, ordered by field. */
    public static List<FieldProblem> problems(Object draft) {
        return problems(VALIDATOR.validate(draft).stream().map(v -> (ConstraintViolation<?>) v).toList());
    }

    public static List<FieldProblem> problems(java.util.Collection<? extends ConstraintViolation<?>> violations) {
        List<ConstraintViolation<?>> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(v -> FieldPaths.below(v)));
        return sorted.stream().map(v -> new FieldProblem(FieldPaths.below(v), v.getMessage(), arguments(v))).toList();
    }

    /** Throws all of them at once, if there are any. */
    public static void check(Object draft) {
        List<FieldProblem> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
    }

    /** The limit a message names as {0}: a length's maximum, a number's bound. */
    static Object[] arguments(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        for (String name : List.of("max", "value")) {
            if (attributes.containsKey(name)) {
                return new Object[] {attributes.get(name)};
            }
        }
        return new Object[0];
    }
}
