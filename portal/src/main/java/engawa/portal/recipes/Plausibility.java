package engawa.portal.recipes;

import engawa.portal.shared.UserFacingException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether an answer is within what the owners called plausible ({@link InputLimits}). The same
 * sentence serves a refusal and a warning; only what follows differs (fix it, or run anyway).
 */
final class Plausibility {

    private Plausibility() {
    }

    static Optional<FieldProblem> ofNumber(RecipeInput input, String field, BigDecimal number) {
        InputLimits limits = input.limits();
        if (limits == null) {
            return Optional.empty();
        }
        boolean low = limits.min() != null && number.compareTo(limits.min()) < 0;
        boolean high = limits.max() != null && number.compareTo(limits.max()) > 0;
        if (!low && !high) {
            return Optional.empty();
        }
        String prefix = limits.warnOnly() ? "recipes.answer.doubt." : "recipes.answer.limit.";
        if (limits.min() != null && limits.max() != null) {
            return Optional.of(new FieldProblem(field, prefix + "between", input.labelText(), plain(limits.min()),
                    plain(limits.max())));
        }
        return Optional.of(low
                ? new FieldProblem(field, prefix + "atLeast", input.labelText(), plain(limits.min()))
                : new FieldProblem(field, prefix + "atMost", input.labelText(), plain(limits.max())));
    }

    static Optional<FieldProblem> ofDate(RecipeInput input, String field, LocalDate date, LocalDate today) {
        InputLimits limits = input.limits();
        if (limits == null || today == null) {
            return Optional.empty();
        }
        String prefix = limits.warnOnly() ? "recipes.answer.doubt." : "recipes.answer.limit.";
        if (limits.earliestInDays() != null && date.isBefore(today.plusDays(limits.earliestInDays()))) {
            return Optional.of(limits.earliestInDays() == 0
                    ? new FieldProblem(field, prefix + "past", input.labelText())
                    : new FieldProblem(field, prefix + "before", input.labelText(),
                            today.plusDays(limits.earliestInDays()).toString()));
        }
        if (limits.latestInDays() != null && date.isAfter(today.plusDays(limits.latestInDays()))) {
            return Optional.of(new FieldProblem(field, prefix + "after", input.labelText(),
                    today.plusDays(limits.latestInDays()).toString()));
        }
        return Optional.empty();
    }

    /** Whole numbers as numbers, so that the message groups their digits (1,000,000); others as written. */
    private static Object plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : stripped.toPlainString();
    }
}
