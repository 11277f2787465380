package engawa.portal.recipes;

import engawa.db.recipes.RecipeHealth;
import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RecipeRuns.Finished;
import engawa.db.recipes.Recipes;
import engawa.db.recipes.RunRow;
import engawa.db.recipes.RunStatus;
import engawa.portal.shared.UserFacingException;
import engawa.portal.webhooks.DeliveryListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import engawa.portal.webhooks.DeliveryListener.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How runs end, whoever ends them: the outbox (delivered, given up), the workflow's callback, the
 * no-answer sweep. Each moves a run only from an open state, so exactly one of them finishes it;
 * then the recipe's health follows and {@code recipe.run.completed} goes out, in the same
 * transaction. Callbacks are checked by their token, not by a signed-in person.
 */
@Component
public class RunOutcomes implements DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(RunOutcomes.class);
    static final int MAX_OUTPUT_BYTES = 16 * 1024;

    private final RecipeRuns runs;
    private final Recipes recipes;
    private final RunPayloads payloads;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    RunOutcomes(RecipeRuns runs, Recipes recipes, RunPayloads payloads, ApplicationEventPublisher publisher,
            JsonMapper json, Clock clock) {
        this.runs = runs;
        this.recipes = recipes;
        this.payloads = payloads;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** In the dispatcher's transaction: a run is sent when its delivery is, failed when the outbox gives up. */
    @Override
    public void settled(List<Settled> deliveries) {
        List<UUID> delivered = new ArrayList<>();
        Map<UUID, String> dead = new LinkedHashMap<>();
        for (Settled s : deliveries) {
            if (s.outcome() == Outcome.DELIVERED) {
                delivered.add(s.eventId());
            } else if (s.outcome() == Outcome.GAVE_UP) {
                dead.put(s.eventId(), whyUndeliverable(s));
            }
        }
        Instant now = clock.instant();
        List<Finished> finished = new ArrayList<>(runs.delivered(delivered, now));
        finished.addAll(runs.undeliverable(dead, now));
        finish(finished);
    }

    /** In words for the person who pressed Run; the owners find the details in the delivery log. */
    static String whyUndeliverable(Settled s) {
        String reason = s.reason() == null ? "" : s.reason();
        if (s.statusCode() == 410 || reason.contains("410")) {
            return "The workflow is switched off (it answered 410 Gone). The recipe's owners need to turn it on again.";
        }
        if (reason.startsWith("Not sent")) {
            return "The recipe's workflow is switched off, so nothing was sent. The recipe's owners can turn it on again.";
        }
        return "The workflow could not be reached: Engawa tried several times and gave up"
                + (s.statusCode() > 0 ? " (its last answer was HTTP " + s.statusCode() + ")" : "") + ".";
    }

    /**
     * The workflow's answer: {@code status} {@code succeeded} or {@code failed}, a message for the
     * person, and optional output (a JSON object).
     */
    @Transactional
    public RunRow callback(UUID runId, String token, String status, String message, JsonNode output) {
        RunRow run = runs.find(runId).orElseThrow(() -> UserFacingException.notFound("recipes.run.notFound", runId));
        if (!payloads.tokenMatches(runId, token)) {
            throw UserFacingException.forbidden("recipes.callback.token");
        }
        RunStatus outcome = switch (status == null ? "" : status.trim()) {
            case "succeeded" -> RunStatus.SUCCEEDED;
            case "failed" -> RunStatus.FAILED;
            default -> throw UserFacingException.invalidField("status", "recipes.callback.status");
        };
        if (message != null && message.length() > 1000) {
            throw UserFacingException.invalidField("message", "recipes.callback.messageTooLong", 1000);
        }
        String outputJson = null;
        if (output != null && !output.isNull()) {
            if (!output.isObject()) {
                throw UserFacingException.invalidField("output", "recipes.callback.outputObject");
            }
            outputJson = json.writeValueAsString(output);
            if (outputJson.length() > MAX_OUTPUT_BYTES) {
                throw UserFacingException.invalidField("output", "recipes.callback.outputTooLarge", MAX_OUTPUT_BYTES / 1024);
            }
        }
        Instant now = clock.instant();
        if (!runs.complete(runId, outcome, message == null || message.isBlank() ? null : message.strip(), outputJson, now)) {
            RunRow current = runs.find(runId).orElseThrow();
            throw UserFacingException.conflict("recipes.callback.finished", RunPayloads.status(current.status()),
                    current.finishedAt());
        }
        finish(List.of(new Finished(runId, run.recipeId(), outcome, run.test(), now)));
        return runs.find(runId).orElseThrow();
    }

    /**
     * Runs whose workflow promised to call back and did not, in time: "no answer"; and queued runs
     * whose delivery was given up without the run hearing of it. Safe on every instance.
     */
    @Scheduled(fixedDelayString = "${engawa.recipes.sweep-interval:5s}", initialDelayString = "${engawa.recipes.sweep-interval:5s}")
    @Transactional
    public void expireUnanswered() {
        List<Finished> expired = runs.expireUnanswered(clock.instant(),
                "The workflow received the run but did not report back in time. It may still have worked: check"
                        + " the result where it should appear, or press Try again.", 500);
        List<Finished> givenUp = runs.failGivenUp(clock.instant(),
                "The recipe's workflow is switched off, so nothing was sent. The recipe's owners can turn it on again.", 500);
        List<Finished> all = new ArrayList<>(expired);
        all.addAll(givenUp);
        if (!all.isEmpty()) {
            finish(all);
        }
    }

    /**
     * The recipe's health, run count and the completion events, recipe by recipe in id order (so
     * two transactions finishing runs of the same recipes cannot deadlock).
     */
    void finish(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        Map<Long, List<Finished>> byRecipe = new TreeMap<>();
        for (Finished f : finished) {
            byRecipe.computeIfAbsent(f.recipeId(), id -> new ArrayList<>()).add(f);
        }
        byRecipe.forEach((recipeId, list) -> {
            RecipeRow recipe = recipes.lock(recipeId).orElseThrow();
            list.sort(Comparator.comparing(Finished::at).thenComparing(Finished::runId));
            RecipeHealth health = recipe.health();
            int failures = recipe.failuresInARow();
            Instant lastSuccess = null;
            int real = 0;
            for (Finished f : list) {
                if (!f.test()) {
                    real++;
                }
                if (f.status() == RunStatus.SUCCEEDED) {
                    failures = 0;
                    health = RecipeHealth.HEALTHY;
                    lastSuccess = f.at();
                } else {
                    failures++;
                    if (failures >= Recipe.BROKEN_AFTER) {
                        health = RecipeHealth.BROKEN;
                    }
                }
            }
            recipes.recordOutcomes(recipeId, health, failures, lastSuccess, list.getLast().at(), real);
            // one read for the whole batch: the dispatcher finishes up to a batch of runs at a time
            for (RunRow run : runs.findAll(list.stream().map(Finished::runId).toList())) {
                publisher.publishEvent(payloads.completed(recipe, run));
            }
            boolean changed = (health == RecipeHealth.BROKEN) != (recipe.health() == RecipeHealth.BROKEN)
                    && !(recipe.health() == RecipeHealth.UNKNOWN && health == RecipeHealth.HEALTHY);
            if (changed) {
                log.info("Recipe {} is now {} ({} failures in a row)", recipe.slug(), health, failures);
                publisher.publishEvent(payloads.health(recipe, recipe.health(), health, failures,
                        lastSuccess != null ? lastSuccess : recipe.lastSuccessAt()));
            }
        });
    }
}
