package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.Recipes;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Does the playbook written half a year ago still run?": recipes whose owners turned on test runs
 * get one on their schedule (weekly by default), marked {@code "test": true}, with each field's
 * default or a plain sample. Each due recipe is taken by one instance only.
 */
@Component
class ScheduledTestRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTestRuns.class);
    static final InputRules.Me PORTAL = new InputRules.Me("engawa", "Engawa test run", "test-run@engawa.invalid", null, null,
            null);

    private final Recipes recipes;
    private final RecipeAccess access;
    private final RunStarter starter;
    private final Clock clock;

    ScheduledTestRuns(Recipes recipes, RecipeAccess access, RunStarter starter, Clock clock) {
        this.recipes = recipes;
        this.access = access;
        this.starter = starter;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${engawa.recipes.test-poll-interval:60s}", initialDelayString = "${engawa.recipes.test-poll-interval:60s}")
    @Transactional
    public void sendDue() {
        for (long id : recipes.claimDueTests(clock.instant(), 50)) {
            RecipeRow recipe = recipes.findById(id).orElseThrow();
            if (recipe.targetSubscriptionId() == null) {
                continue;
            }
            List<RecipeInput> inputs = access.inputs(recipe.values().inputsJson());
            try {
                InputRules.Me portal = PORTAL.on(LocalDate.now(clock));
                // a test run checks the workflow, not the answers: the owners' warnings are taken as read
                Map<String, Object> answers = InputRules.answers(inputs, samples(inputs, portal.today()), portal, true);
                starter.start(recipe, null, portal, answers, true, null);
            } catch (UserFacingException e) {
                log.warn("Recipe {}: no scheduled test run, its form's defaults do not pass its own rules: {}",
                        recipe.slug(), e.getMessage());
            }
        }
    }

    /** A default where there is one, else a value of the field's kind that its rules accept where possible. */
    static Map<String, Object> samples(List<RecipeInput> inputs, LocalDate today) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (RecipeInput input : inputs) {
            String initial = InputRules.initialValue(input, PORTAL.on(today));
            if (!initial.isBlank()) {
                answers.put(input.key(), initial);
                continue;
            }
            answers.put(input.key(), switch (input.inputKind()) {
                case NUMBER -> sampleNumber(input.limits());
                case DATE -> today.plusDays(input.limits() == null || input.limits().earliestInDays() == null ? 0
                        : Math.max(0, input.limits().earliestInDays())).toString();
                case EMAIL -> PORTAL.email();
                case CHOICE -> input.choices().getFirst();
                case CHECKBOX -> "true";
                default -> sampleText(input);
            });
        }
        return answers;
    }

    /**
     * Plain words, or for a field with a pattern the example its help gives ("Like 14:30"): a word
     * of the help that fits the pattern. Without one the run is skipped, and the log says why.
     */
    static String sampleText(RecipeInput input) {
        if (input.pattern() != null && !input.pattern().isBlank()) {
            for (String help : java.util.Arrays.asList(input.help(), input.helpJa())) {
                for (String word : help == null ? new String[0] : help.split("[\\s、。]+")) {
                    if (!word.isEmpty() && InputPatterns.matches(input.pattern(), word)) {
                        return word;
                    }
                }
            }
        }
        return "Test run";
    }

    private static String sampleNumber(InputLimits limits) {
        if (limits != null && limits.min() != null && limits.min().compareTo(java.math.BigDecimal.ONE) > 0) {
            return limits.min().toPlainString();
        }
        if (limits != null && limits.max() != null && limits.max().compareTo(java.math.BigDecimal.ONE) < 0) {
            return limits.max().toPlainString();
        }
        return "1";
    }
}
