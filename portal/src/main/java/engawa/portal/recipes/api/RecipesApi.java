package engawa.portal.recipes.api;

import engawa.db.recipes.RecipeSort;
import engawa.db.recipes.RunRow;
import engawa.portal.recipes.EchoWorkflow;
import engawa.portal.recipes.Recipe;
import engawa.portal.recipes.RecipeDraft;
import engawa.portal.recipes.RecipeInput;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.recipes.RunOptions;
import engawa.portal.recipes.RecipeService;
import engawa.portal.recipes.RecipeTarget;
import engawa.portal.recipes.RunOutcomes;
import engawa.portal.recipes.RunPreview;
import engawa.portal.recipes.SavedRecipe;
import engawa.portal.recipes.TimeSaved;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Recipes and runs over REST. A recipe's ETag is its edit version: PUT with {@code If-Match}
 * refuses a change based on an older one (without it, the change applies to the current one).
 * The target URL appears for the recipe's owners only; its secret only once, when made.
 */
@RestController
@RequestMapping("/api/v1")
class RecipesApi {

    private final RecipeService recipes;
    private final RecipeRunner runner;
    private final RunOutcomes outcomes;
    private final EchoWorkflow echo;
    private final TimeSaved timeSaved;
    private final java.time.Clock clock;

    RecipesApi(RecipeService recipes, RecipeRunner runner, RunOutcomes outcomes, EchoWorkflow echo, TimeSaved timeSaved,
            java.time.Clock clock) {
        this.clock = clock;
        this.recipes = recipes;
        this.runner = runner;
        this.outcomes = outcomes;
        this.echo = echo;
        this.timeSaved = timeSaved;
    }

    record RecipeJson(String slug, String title, String titleJa, String summary, String summaryJa, String category,
            List<String> tags, String owner, String ownerName, String status, int version, String steps, String stepsJa,
            String stepsHtml, List<RecipeInput> inputs, int minutesSaved, boolean callsBack, int answerMinutes,
            String health, boolean broken, boolean stale, Instant lastSuccessAt, Instant lastRunAt, long runs,
            boolean testRunsEnabled, int testEveryDays, Instant nextTestAt, Instant publishedAt, Instant updatedAt,
            String targetUrl, Boolean zapierCatchHook, String signingSecret, String plainPreview, String plainPreviewJa) {

        static RecipeJson of(Recipe r, RecipeTarget target, String secret, Instant now) {
            return new RecipeJson(r.slug(), r.titleEn(), r.titleJa(), r.summaryEn(), r.summaryJa(), r.category(), r.tags(),
                    r.ownerRef(), r.ownerName(), r.status().name().toLowerCase(Locale.ROOT), r.version(), r.stepsEn(),
                    r.stepsJa(), r.stepsHtml(false), r.inputs(), r.minutesSaved(), r.callsBack(), r.answerMinutes(),
                    r.health().name().toLowerCase(Locale.ROOT), r.broken(), r.stale(now), r.lastSuccessAt(),
                    r.lastRunAt(), r.runCount(), r.testRunsEnabled(), r.testEveryDays(), r.nextTestAt(), r.publishedAt(),
                    r.updatedAt(), target == null ? null : target.url(), target == null ? null : target.zapier(), secret,
                    r.plainPreviewEn(), r.plainPreviewJa());
        }
    }

    record RecipeBody(String slug, String title, String titleJa, String summary, String summaryJa, String category,
            List<String> tags, String owner, String steps, String stepsJa, List<RecipeInput> inputs, Integer minutesSaved,
            Boolean callsBack, Integer answerMinutes, Boolean testRunsEnabled, Integer testEveryDays, String targetUrl,
            Boolean newSecret, String plainPreview, String plainPreviewJa) {

        RecipeDraft draft(String fixedSlug) {
            return new RecipeDraft(fixedSlug != null ? fixedSlug : slug, owner, category, tags, title, titleJa, summary,
                    summaryJa, steps, stepsJa, inputs, minutesSaved, callsBack, answerMinutes, testRunsEnabled,
                    testEveryDays, targetUrl, Boolean.TRUE.equals(newSecret)).withPlainPreview(plainPreview, plainPreviewJa);
        }
    }

    /**
     * @param confirm runs although the answers are outside what the owners called plausible (after a
     *        422 whose problem says {@code "confirm": true})
     * @param timeZone IANA name: what "today" is for relative defaults and date limits; UTC when left out
     */
    record RunBody(Map<String, Object> inputs, Boolean test, Boolean confirm, String timeZone) {
        Map<String, Object> answers() {
            return inputs == null ? Map.of() : inputs;
        }

        RunOptions options() {
            // the language the person chose in Engawa: an API call has no page whose language it could take
            return new RunOptions(Boolean.TRUE.equals(test), Boolean.TRUE.equals(confirm), zone(timeZone), null);
        }

        static ZoneId zone(String name) {
            if (name == null || name.isBlank()) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneId.of(name.strip());
            } catch (java.time.DateTimeException e) {
                throw UserFacingException.invalidField("timeZone", "recipes.answer.timeZone", name);
            }
        }
    }

    record RunJson(String id, String recipe, int version, String status, boolean test, String requestedBy,
            Instant requestedAt, Instant finishedAt, Instant answerBy, String message, Map<String, Object> inputs,
            String retryOf, String url, String deliveryNote, Instant nextAttemptAt) {

        static RunJson of(RecipeRun run) {
            RunRow r = run.row();
            return new RunJson(r.id().toString(), r.recipeSlug(), r.version(), status(r), r.test(), r.requestedBy(),
                    r.requestedAt(), r.finishedAt(), r.answerBy(), r.message(), run.inputs(),
                    r.retryOf() == null ? null : r.retryOf().toString(), "/api/v1/runs/" + r.id(), r.deliveryNote(),
                    r.nextAttemptAt());
        }

        static String status(RunRow r) {
            return r.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record AcceptedRun(String id, String status, String url) {
    }

    record CallbackBody(String status, String message, JsonNode output) {
    }

    record TimeSavedJson(long mineMinutes, long everyoneMinutes, String timeZone) {
    }

    @GetMapping("/recipes")
    PageResponse<RecipeJson> list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        RecipeSort order = sort(sort);
        boolean own = Boolean.TRUE.equals(mine);
        List<RecipeJson> items = recipes.gallery(q, category, order, own, pageable).getContent()
                .stream().map(r -> RecipeJson.of(r, null, null, clock.instant())).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), recipes.count(q, category, own));
    }

    @PostMapping("/recipes")
    ResponseEntity<RecipeJson> create(@RequestBody RecipeBody body) {
        SavedRecipe saved = recipes.create(body.draft(null));
        return withETag(ResponseEntity.created(URI.create("/api/v1/recipes/" + saved.recipe().slug())), saved);
    }

    @GetMapping("/recipes/{slug}")
    ResponseEntity<RecipeJson> get(@PathVariable String slug) {
        Recipe recipe = recipes.get(slug);
        RecipeTarget target = recipe.mayEdit() ? recipes.target(slug) : null;
        return ResponseEntity.ok().eTag("\"" + recipe.editVersion() + "\"")
                .body(RecipeJson.of(recipe, target, null, clock.instant()));
    }

    @PutMapping("/recipes/{slug}")
    ResponseEntity<RecipeJson> update(@PathVariable String slug, @RequestBody RecipeBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ifMatch == null ? recipes.get(slug).editVersion() : version(ifMatch);
        return withETag(ResponseEntity.ok(), recipes.update(slug, version, body.draft(slug)));
    }

    record VersionJson(int version, Instant publishedAt, String publishedBy) {
    }

    /** Every publication, newest first (owners). */
    @GetMapping("/recipes/{slug}/versions")
    List<VersionJson> versions(@PathVariable String slug) {
        return recipes.versions(slug).stream().map(v -> new VersionJson(v.version(), v.publishedAt(), v.publishedBy())).toList();
    }

    @PostMapping("/recipes/{slug}/publish")
    RecipeJson publish(@PathVariable String slug) {
        return RecipeJson.of(recipes.publish(slug), recipes.target(slug), null, clock.instant());
    }

    @PostMapping("/recipes/{slug}/archive")
    RecipeJson archive(@PathVariable String slug) {
        return RecipeJson.of(recipes.archive(slug), recipes.target(slug), null, clock.instant());
    }

    @PostMapping("/recipes/{slug}/preview")
    RunPreview preview(@PathVariable String slug, @RequestBody(required = false) RunBody body) {
        RunBody run = body == null ? new RunBody(null, null, null, null) : body;
        return runner.preview(slug, run.answers(), run.options());
    }

    @PostMapping("/recipes/{slug}/runs")
    ResponseEntity<AcceptedRun> run(@PathVariable String slug, @RequestBody(required = false) RunBody body) {
        RunBody run = body == null ? new RunBody(null, null, null, null) : body;
        UUID id = runner.run(slug, run.answers(), run.options());
        return accepted(id);
    }

    @GetMapping("/recipes/{slug}/runs")
    PageResponse<RunJson> recipeRuns(@PathVariable String slug, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        List<RunJson> items = runner.ofRecipe(slug, pageable).stream()
                .map(RunJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), runner.countOfRecipe(slug));
    }

    @GetMapping("/runs")
    PageResponse<RunJson> myRuns(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        List<RunJson> items = runner.mine(pageable).stream()
                .map(RunJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), runner.countMine());
    }

    @GetMapping("/runs/{id}")
    RunJson run(@PathVariable String id) {
        return RunJson.of(runner.get(runId(id)));
    }

    @PostMapping("/runs/{id}/retry")
    ResponseEntity<AcceptedRun> retry(@PathVariable String id, @RequestParam(required = false) String timeZone) {
        return accepted(runner.tryAgain(runId(id), RunBody.zone(timeZone), null));
    }

    /** The workflow's answer; authorised by the run's token from the callback URL, not by an account. */
    @PostMapping("/runs/{id}/callback")
    RunJson callback(@PathVariable String id, @RequestParam(required = false) String token,
            @RequestBody(required = false) CallbackBody body) {
        if (body == null) {
            throw UserFacingException.invalidField("status", "recipes.callback.status");
        }
        RunRow finished = outcomes.callback(runId(id), token, body.status(), body.message(), body.output());
        return new RunJson(finished.id().toString(), finished.recipeSlug(), finished.version(), RunJson.status(finished),
                finished.test(), null, finished.requestedAt(), finished.finishedAt(), null, finished.message(), null,
                null, "/api/v1/runs/" + finished.id(), null, null);
    }

    /** The demo's built-in workflow (see {@link EchoWorkflow}). */
    @PostMapping(EchoWorkflow.PATH_IN_API)
    ResponseEntity<Map<String, Object>> echo(@RequestBody(required = false) JsonNode event,
            @RequestParam(required = false, defaultValue = "false") boolean fail) {
        boolean callingBack = echo.receive(event, fail);
        return ResponseEntity.ok(Map.of("received", true, "callingBack", callingBack));
    }

    @GetMapping("/time-saved")
    TimeSavedJson timeSaved(@RequestParam(required = false) String zone) {
        ZoneId id;
        try {
            id = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw UserFacingException.invalidField("zone", "recipes.zone.unknown", zone);
        }
        TimeSaved.ThisMonth month = timeSaved.thisMonth(id);
        return new TimeSavedJson(month.mine(), month.everyone(), id.getId());
    }

    private static ResponseEntity<AcceptedRun> accepted(UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/runs/" + id))
                .body(new AcceptedRun(id.toString(), "queued", "/api/v1/runs/" + id));
    }

    private ResponseEntity<RecipeJson> withETag(ResponseEntity.BodyBuilder builder, SavedRecipe saved) {
        return builder.eTag("\"" + saved.recipe().editVersion() + "\"")
                .body(RecipeJson.of(saved.recipe(), null, saved.newSecret(), clock.instant()));
    }

    private static RecipeSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return RecipeSort.MOST_USED;
        }
        return switch (sort.trim()) {
            case "most-used" -> RecipeSort.MOST_USED;
            case "new" -> RecipeSort.NEWEST;
            case "title" -> RecipeSort.TITLE;
            default -> throw UserFacingException.invalidField("sort", "recipes.sort.unknown", sort);
        };
    }

    private static long version(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw UserFacingException.invalid("recipes.ifMatch", ifMatch);
        }
    }

    private static UUID runId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.notFound("recipes.run.notFound", id);
        }
    }
}
