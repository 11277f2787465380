package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RecipeRuns.NewRun;
import engawa.portal.shared.TimeOrderedIds;
import engawa.portal.webhooks.PrivateTargets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
    private final PrivateTargets targets;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    RunStarter(RecipeRuns runs, RunPayloads payloads, PrivateTargets targets, ApplicationEventPublisher publisher,
            JsonMapper json, Clock clock) {
        this.runs = runs;
        this.payloads = payloads;
        this.targets = targets;
        this.publisher = publisher;
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
                RunPayloads.TOKEN_PLACEHOLDER);
        runs.insert(new NewRun(runId, recipe.id(), version, userId, now, json.writeValueAsString(inputs), test, eventId,
                recipe.values().minutesSaved(), retryOf));
        targets.send(recipe.targetSubscriptionId(), eventId, data, now);
        publisher.publishEvent(payloads.requested(recipe, version, runId, me.username(), inputs, test, now));
        return runId;
    }
}
