package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RecipeRuns.NewRun;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.TimeOrderedIds;
import engawa.portal.webhooks.WebhookEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run and the outbox event that carries it to the recipe's workflow in the caller's
 * transaction: a run exists exactly when its delivery does, and survives a restart before it is
 * sent. Checks are the caller's ({@link RecipeRunner}, {@link ScheduledTestRuns}).
 */
@Component
class RunStarter {

    private final RecipeRuns runs;
    private final RunPayloads payloads;
    private final WebhookEvents events;
    private final JsonMapper json;
    private final Clock clock;

    RunStarter(RecipeRuns runs, RunPayloads payloads, WebhookEvents events, JsonMapper json, Clock clock) {
        this.runs = runs;
        this.payloads = payloads;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    UUID start(RecipeRow recipe, Long userId, InputRules.Me me, Map<String, Object> inputs, boolean test, UUID retryOf) {
        Instant now = clock.instant();
        UUID runId = TimeOrderedIds.next(clock);
        UUID eventId = TimeOrderedIds.next(clock);
        int version = recipe.publishedVersion();
        Map<String, Object> data = payloads.target(recipe, version, runId, me, inputs, test, now,
                payloads.callbackToken(runId));
        runs.insert(new NewRun(runId, recipe.id(), version, userId, now, json.writeValueAsString(inputs), test, eventId,
                recipe.values().minutesSaved(), retryOf));
        events.sendTo(eventId, RunPayloads.TARGET_EVENT, data, now, recipe.targetSubscriptionId());
        events.publish(EventType.RECIPE_RUN_REQUESTED,
                payloads.requested(recipe, version, runId, me.username(), inputs, test, now), "recipe:" + recipe.slug());
        return runId;
    }
}
