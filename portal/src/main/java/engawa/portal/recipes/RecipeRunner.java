package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RecipeStatus;
import engawa.db.recipes.RunRow;
import engawa.portal.webhooks.PrivateTargets;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running recipes: anyone signed in runs a published recipe; its owners also send test runs and
 * see all its runs. A run is seen by the person who ran it, the recipe's owners and admins.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RecipeRunner {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    static final String MASK = "••••••••";

    private final RecipeAccess access;
    private final RecipeRuns runs;
    private final engawa.db.recipes.Recipes recipes;
    private final RunStarter starter;
    private final RunPayloads payloads;
    private final Callers callers;
    private final JsonMapper json;
    private final Clock clock;

    RecipeRunner(RecipeAccess access, RecipeRuns runs, engawa.db.recipes.Recipes recipes, RunStarter starter,
            RunPayloads payloads, Callers callers,
            JsonMapper json, Clock clock) {
        this.access = access;
        this.runs = runs;
        this.recipes = recipes;
        this.starter = starter;
        this.payloads = payloads;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
    }

    /** @param language the page's, or null for the one the person chose in Engawa */
    InputRules.Me me(Caller caller, ZoneId zone, Locale language) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (caller.userId() == null) {
            return new InputRules.Me(caller.username(), "Engawa", null, null, today, language);
        }
        RecipeRuns.Runner runner = runs.runner(caller.userId()).orElseThrow();
        return new InputRules.Me(runner.username(), runner.name(), runner.email(), runner.team(), today,
                language != null ? language : runner.locale() == null ? null : Translations.fromTag(runner.locale()));
    }

    InputRules.Me me(Caller caller, RunOptions options) {
        return me(caller, options.zone(), options.language());
    }

    /**
     * Queues a run of the published version.
     *
     * @return the run's id
     * @throws UserFacingException for answers that break the form's rules, or (with the problem
     *         property {@code confirm}) that the owners asked people to confirm
     */
    @Transactional
    public UUID run(String slug, Map<String, ?> answers, RunOptions options) {
        Caller caller = callers.current();
        RecipeRow recipe = runnable(caller, slug, options.test());
        InputRules.Me me = me(caller, options);
        Map<String, Object> inputs = InputRules.answers(access.inputs(recipe.values().inputsJson()), answers, me,
                options.confirmed());
        return starter.start(recipe, caller.userId(), me, inputs, options.test(), null);
    }

    /** A run in UTC with nothing confirmed: what API callers and tests that do not care about days get. */
    @Transactional
    public UUID run(String slug, Map<String, ?> answers, boolean test) {
        return run(slug, answers, RunOptions.of(test));
    }

    /**
     * Runs a finished run again with the same inputs, against the recipe's current version. The
     * answers were confirmed when first run; limits the owners made refusals still hold.
     *
     * @param language the page's, or null for the one the person chose in Engawa
     */
    @Transactional
    public UUID tryAgain(UUID runId, ZoneId zone, Locale language) {
        Caller caller = callers.current();
        RunRow run = visibleRun(caller, runId);
        if (!run.status().finished()) {
            throw UserFacingException.conflict("recipes.retry.notFinished");
        }
        RecipeRow recipe = runnable(caller, run.recipeSlug(), run.test());
        InputRules.Me me = me(caller, zone, language);
        Map<String, Object> inputs = InputRules.answers(access.inputs(recipe.values().inputsJson()),
                json.readValue(run.inputsJson(), OBJECT), me, true);
        return starter.start(recipe, caller.userId(), me, inputs, run.test(), runId);
    }

    /** What Run would send now, signature and callback token masked; the target only for owners. */
    @Transactional(readOnly = true)
    public RunPreview preview(String slug, Map<String, ?> answers, RunOptions options) {
        boolean test = options.test();
        Caller caller = callers.current();
        RecipeRow recipe = access.visible(caller, slug);
        boolean owner = access.mayEdit(caller, recipe);
        if (test && !owner) {
            throw UserFacingException.forbidden("recipes.test.ownersOnly");
        }
        InputRules.Me me = me(caller, options);
        Map<String, Object> inputs = InputRules.answers(access.inputs(recipe.values().inputsJson()), answers, me,
                options.confirmed());
        Instant now = clock.instant();
        UUID runId = new UUID(0, 0);
        Map<String, Object> data = payloads.target(recipe, Math.max(1, recipe.publishedVersion()), runId, me, inputs, test,
                now, MASK);
        String eventId = RunPreview.NEW_ID_EACH_RUN;
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"" + PrivateTargets.TYPE + "\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(now) + "\",\"data\":" + json.writeValueAsString(data) + "}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Engawa-Webhooks/1.0");
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", String.valueOf(now.getEpochSecond()));
        headers.put("webhook-signature", "v1," + MASK);
        return new RunPreview(owner && recipe.targetUrl() != null ? recipe.targetUrl() : null, headers, body);
    }

    @Transactional(readOnly = true)
    public RecipeRun get(UUID runId) {
        Caller caller = callers.current();
        RunRow row = visibleRun(caller, runId);
        RecipeRun plain = view(row);
        Map<String, RecipeInput> labels = new LinkedHashMap<>();
        access.inputsOf(row.recipeSlug()).forEach(i -> labels.put(i.key(), i));
        // the form's order first, then anything the form no longer has
        Map<String, Object> ordered = new LinkedHashMap<>();
        labels.keySet().stream().filter(plain.inputs()::containsKey).forEach(k -> ordered.put(k, plain.inputs().get(k)));
        plain.inputs().forEach(ordered::putIfAbsent);
        return new RecipeRun(row, ordered, labels);
    }

    /** The caller's own runs, newest first. */
    @Transactional(readOnly = true)
    public List<RecipeRun> mine(Pageable pageable) {
        Caller caller = callers.current();
        if (caller.userId() == null) {
            return List.of();
        }
        return runs.byPerson(caller.userId(), (int) pageable.getOffset(), pageable.getPageSize()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public long countMine() {
        Caller caller = callers.current();
        return caller.userId() == null ? 0 : runs.countByPerson(caller.userId());
    }

    /** A recipe's runs, for its owners. */
    @Transactional(readOnly = true)
    public List<RecipeRun> ofRecipe(String slug, Pageable pageable) {
        Caller caller = callers.current();
        RecipeRow recipe = access.owned(caller, slug);
        return runs.byRecipe(recipe.id(), (int) pageable.getOffset(), pageable.getPageSize()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public long countOfRecipe(String slug) {
        return runs.countByRecipe(access.owned(callers.current(), slug).id());
    }

    /** Whether the recipe's page shows this person the recipe, rather than "not found" (a draft of someone else's). */
    @Transactional(readOnly = true)
    public boolean isVisible(String slug) {
        return foundFor(() -> access.visible(callers.current(), slug));
    }

    /** Whether the run's page shows this person the run, rather than "not found" (a run not theirs to see). */
    @Transactional(readOnly = true)
    public boolean isVisible(UUID runId) {
        return foundFor(() -> visibleRun(callers.current(), runId));
    }

    private static boolean foundFor(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (UserFacingException e) {
            if (e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            return false;
        }
    }

    /** The recipe's page: the recipe, the form's defaults, how it does, and for owners where it sends. */
    @Transactional(readOnly = true)
    public RecipePage page(String slug, ZoneId zone) {
        Caller caller = callers.current();
        RecipeRow row = access.visible(caller, slug);
        boolean owner = access.mayEdit(caller, row);
        Recipe recipe = Recipe.of(row, access.inputs(row.values().inputsJson()), owner);
        if (!owner) {
            return new RecipePage(recipe, me(caller, zone, null), stats(row, zone), null, List.of(), List.of());
        }
        return new RecipePage(recipe, me(caller, zone, null), stats(row, zone), access.target(row), recipes.versions(row.id(), 20),
                runs.byRecipe(row.id(), 0, 8).stream().map(this::view).toList());
    }

    /** Success over the last 30 days and time saved this month. */
    private RecipeStats stats(RecipeRow recipe, ZoneId zone) {
        Instant now = clock.instant();
        RecipeRuns.RecipeStats last30 = runs.stats(recipe.id(), TimeOrderedIds.first(now.minus(Duration.ofDays(30))));
        RecipeRuns.RecipeStats month = runs.stats(recipe.id(), TimeOrderedIds.first(TimeSaved.monthStart(now, zone)));
        return new RecipeStats(last30.finished(), last30.succeeded(), month.minutesSaved());
    }

    private RecipeRow runnable(Caller caller, String slug, boolean test) {
        RecipeRow recipe = access.visible(caller, slug);
        if (test && !access.mayEdit(caller, recipe)) {
            throw UserFacingException.forbidden("recipes.test.ownersOnly");
        }
        if (recipe.status() == RecipeStatus.DRAFT) {
            throw UserFacingException.conflict("recipes.run.draft", recipe.values().titleEn());
        }
        if (recipe.status() == RecipeStatus.ARCHIVED) {
            throw UserFacingException.conflict("recipes.run.archived", recipe.values().titleEn());
        }
        if (recipe.targetSubscriptionId() == null) {
            throw UserFacingException.conflict("recipes.run.noTarget", recipe.values().titleEn());
        }
        return recipe;
    }

    private RunRow visibleRun(Caller caller, UUID runId) {
        RunRow run = runs.find(runId).orElseThrow(() -> UserFacingException.notFound("recipes.run.notFound", runId));
        boolean mine = caller.username().equals(run.requestedBy());
        if (!mine && !caller.admin()) {
            RecipeRow recipe = access.visible(caller, run.recipeSlug());
            if (!access.mayEdit(caller, recipe)) {
                throw UserFacingException.notFound("recipes.run.notFound", runId);
            }
        }
        return run;
    }

    private RecipeRun view(RunRow row) {
        return new RecipeRun(row, json.readValue(row.inputsJson(), OBJECT), Map.of());
    }
}
