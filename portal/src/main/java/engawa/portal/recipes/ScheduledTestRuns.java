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
    static final InputRules.Me PORTAL = new InputRules.Me("engawa", "Engawa test run", "test-run@engawa.invalid", null);

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
                Map<String, Object> answers = InputRules.answers(inputs, samples(inputs, LocalDate.now(clock)), PORTAL);
                starter.start(recipe, null, PORTAL, answers, true, null);
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
            String initial = InputRules.initialValue(input, PORTAL);
            if (!initial.isBlank()) {
                answers.put(input.key(), initial);
                continue;
            }
            answers.put(input.key(), switch (input.inputKind()) {
                case NUMBER -> "1";
                case DATE -> today.toString();
                case EMAIL -> PORTAL.email();
                case CHOICE -> input.choices().getFirst();
                case CHECKBOX -> "true";
                default -> "Test run";
            });
        }
        return answers;
    }
}
