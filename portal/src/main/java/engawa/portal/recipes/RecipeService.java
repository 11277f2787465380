package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeSort;
import engawa.db.recipes.RecipeStatus;
import engawa.db.recipes.RecipeValues;
import engawa.db.recipes.Recipes;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.TeamOrPerson;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.Validation;
import engawa.portal.webhooks.PrivateTargets;
import engawa.portal.webhooks.WebhookEvent;
import engawa.portal.webhooks.WebhookTargets;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing recipes: owners (members of the owning team, the owning person, admins) create, edit,
 * publish and archive; everyone signed in browses what is published. A draft is visible to its
 * owners only. Saving a published recipe publishes the change as its next version, so what people
 * see is always what runs.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RecipeService {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Recipes recipes;
    private final PrivateTargets privateTargets;
    private final PeopleDirectory people;
    private final RecipeAccess access;
    private final WebhookTargets targets;
    private final Callers callers;
    private final JsonMapper json;
    private final Clock clock;

    RecipeService(Recipes recipes, PrivateTargets privateTargets, PeopleDirectory people, RecipeAccess access,
            WebhookTargets targets, Callers callers,
            JsonMapper json, Clock clock) {
        this.recipes = recipes;
        this.privateTargets = privateTargets;
        this.people = people;
        this.access = access;
        this.targets = targets;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A page of the gallery: published recipes, or with {@code mine} every recipe the caller owns;
     * whether there is a next page without counting them all.
     */
    @Transactional(readOnly = true)
    public Slice<Recipe> gallery(String text, String category, RecipeSort sort, boolean mine, Pageable pageable) {
        Caller caller = callers.current();
        List<Recipe> page = recipes.list(filter(caller, text, category, sort, mine), (int) pageable.getOffset(),
                pageable.getPageSize() + 1).stream().map(row -> recipe(caller, row)).toList();
        boolean more = page.size() > pageable.getPageSize();
        return new SliceImpl<>(more ? page.subList(0, pageable.getPageSize()) : page, pageable, more);
    }

    /** The caller's recipes that are broken, for their digest. */
    @Transactional(readOnly = true)
    public List<MyRecipesWeek.BrokenRecipe> brokenOfMine() {
        return gallery(null, null, RecipeSort.TITLE, true, org.springframework.data.domain.PageRequest.of(0, 100)).stream()
                .filter(r -> r.health() == engawa.db.recipes.RecipeHealth.BROKEN)
                .map(r -> new MyRecipesWeek.BrokenRecipe(r.slug(), r.titleEn(), r.titleJa(), r.failuresInARow())).toList();
    }

    @Transactional(readOnly = true)
    public long count(String text, String category, boolean mine) {
        return recipes.count(filter(callers.current(), text, category, RecipeSort.MOST_USED, mine));
    }

    private Recipes.Filter filter(Caller caller, String text, String category, RecipeSort sort, boolean mine) {
        if (!mine) {
            return new Recipes.Filter(text, category, sort, null, null);
        }
        List<Long> ownTeams = caller.userId() == null ? List.of() : people.teamIdsOf(caller.userId());
        return new Recipes.Filter(text, category, sort, ownTeams, caller.userId() == null ? -1L : caller.userId());
    }

    @Transactional(readOnly = true)
    public List<Recipes.CategoryCount> categories() {
        return recipes.categories();
    }

    /** A recipe the caller may see: published or archived for everyone, a draft for its owners. */
    @Transactional(readOnly = true)
    public Recipe get(String slug) {
        Caller caller = callers.current();
        return recipe(caller, access.visible(caller, slug));
    }

    /** Whether the person asking may change this recipe they can see, as {@link Recipe#mayEdit()} says: for a page's status. */
    @Transactional(readOnly = true)
    public boolean mayEdit(String slug) {
        Caller caller = callers.current();
        return access.mayEdit(caller, access.visible(caller, slug));
    }

    /** Who looks after a recipe and how to reach them, for people whose run did not work. */
    @Transactional(readOnly = true)
    public OwnerContact contact(Recipe recipe) {
        if (!recipe.ownerRef().startsWith("user:")) {
            return new OwnerContact(recipe.ownerName(), "/teams/" + recipe.ownerRef());
        }
        String email = people.person(recipe.ownerRef().substring("user:".length())).map(p -> p.email()).orElse(null);
        return new OwnerContact(recipe.ownerName(), email == null || email.isBlank() ? null : "mailto:" + email);
    }

    /** Where its runs go; only for its owners, for everyone else the recipe is not theirs to see this of. */
    @Transactional(readOnly = true)
    public RecipeTarget target(String slug) {
        Caller caller = callers.current();
        RecipeRow row = access.owned(caller, slug);
        return access.target(row);
    }

    @Transactional(readOnly = true)
    public List<Recipes.VersionRow> versions(String slug) {
        Caller caller = callers.current();
        return recipes.versions(access.owned(caller, slug).id(), 20);
    }

    @Transactional
    public SavedRecipe create(RecipeDraft draft) {
        Caller caller = callers.current();
        List<FieldProblem> problems = new ArrayList<>();
        String slug = draft.slug() == null ? "" : draft.slug().trim();
        if (!SLUG.matcher(slug).matches() || slug.length() > 63) {
            problems.add(new FieldProblem("slug", "recipes.slug.format"));
        } else if (recipes.find(slug).isPresent()) {
            problems.add(new FieldProblem("slug", "recipes.slug.taken", slug));
        }
        RecipeValues values = values(caller, slug, draft, problems);
        URI target = targetOf(draft.targetUrl(), problems);
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        long id = recipes.insert(values, clock.instant());
        String secret = target == null ? null : replaceTarget(id, slug, null, target);
        return new SavedRecipe(recipe(caller, recipes.findById(id).orElseThrow()), secret);
    }

    /**
     * Saves the owners' changes when nobody saved in between ({@code editVersion}); a published
     * recipe's change is published at once as its next version.
     */
    @Transactional
    public SavedRecipe update(String slug, long editVersion, RecipeDraft draft) {
        Caller caller = callers.current();
        RecipeRow row = access.owned(caller, slug);
        List<FieldProblem> problems = new ArrayList<>();
        RecipeValues values = values(caller, slug, draft, problems);
        URI target = targetOf(draft.targetUrl(), problems);
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        if (!recipes.update(row.id(), editVersion, values, clock.instant())) {
            throw new UserFacingException(UserFacingException.Kind.STALE, "recipes.edit.stale");
        }
        String secret = null;
        boolean newUrl = target != null && !target.toString().equals(row.targetUrl());
        if (newUrl || (draft.newSecret() && row.targetUrl() != null)) {
            secret = replaceTarget(row.id(), slug, row.targetSubscriptionId(),
                    newUrl ? target : URI.create(row.targetUrl()));
        }
        if (row.status() == RecipeStatus.PUBLISHED) {
            publishWorkingCopy(caller, row.id());
        }
        return new SavedRecipe(recipe(caller, recipes.findById(row.id()).orElseThrow()), secret);
    }

    /** A draft (or an archived recipe, as its next version) becomes the version people run. */
    @Transactional
    public Recipe publish(String slug) {
        Caller caller = callers.current();
        RecipeRow row = access.owned(caller, slug);
        if (row.targetSubscriptionId() == null) {
            throw UserFacingException.invalidField("targetUrl", "recipes.publish.noTarget");
        }
        if (row.status() != RecipeStatus.PUBLISHED) {
            // a draft's first version, or an archived recipe back with what was edited meanwhile
            publishWorkingCopy(caller, row.id());
        }
        return recipe(caller, recipes.findById(row.id()).orElseThrow());
    }

    /** Out of the gallery, no more runs; its runs and versions stay. */
    @Transactional
    public Recipe archive(String slug) {
        Caller caller = callers.current();
        RecipeRow row = access.owned(caller, slug);
        if (row.status() != RecipeStatus.PUBLISHED) {
            throw UserFacingException.conflict("recipes.archive.notPublished");
        }
        recipes.setStatus(row.id(), RecipeStatus.ARCHIVED, clock.instant());
        return recipe(caller, recipes.findById(row.id()).orElseThrow());
    }

    private void publishWorkingCopy(Caller caller, long id) {
        RecipeRow current = recipes.findById(id).orElseThrow();
        var v = current.values();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title_en", v.titleEn());
        content.put("title_ja", v.titleJa());
        content.put("summary_en", v.summaryEn());
        content.put("summary_ja", v.summaryJa());
        content.put("steps_en", v.stepsEn());
        content.put("steps_ja", v.stepsJa());
        content.put("inputs", access.inputs(v.inputsJson()));
        content.put("minutes_saved", v.minutesSaved());
        content.put("calls_back", v.callsBack());
        content.put("answer_minutes", v.answerMinutes());
        content.put("plain_preview_en", v.plainPreviewEn());
        content.put("plain_preview_ja", v.plainPreviewJa());
        recipes.publish(id, json.writeValueAsString(content), caller.username(), clock.instant());
    }

    /** A new target (or secret) is a new private target; the old one is retired, so queued runs keep signing as queued. */
    private String replaceTarget(long recipeId, String slug, UUID previous, URI target) {
        PrivateTargets.NewTarget created = privateTargets.create(WebhookEvent.recipeScope(slug), target);
        if (previous != null) {
            privateTargets.retire(previous);
        }
        recipes.setTarget(recipeId, created.id(), clock.instant());
        return created.secret();
    }

    /** Null keeps the current target; otherwise the address must be one webhooks may go to. */
    private URI targetOf(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return targets.check(url, "targetUrl");
        } catch (UserFacingException e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }

    private RecipeValues values(Caller caller, String slug, RecipeDraft d, List<FieldProblem> problems) {
        problems.addAll(Validation.problems(d));
        problems.addAll(PlainPreview.problems(d.plainPreviewEn(), d.inputs(), "plainPreviewEn"));
        problems.addAll(PlainPreview.problems(d.plainPreviewJa(), d.inputs(), "plainPreviewJa"));
        String category = d.category() == null ? "" : d.category().trim();
        if (!Categories.ALL.contains(category)) {
            problems.add(new FieldProblem("category", "recipes.category.unknown", String.join(", ", Categories.ALL)));
        }
        int minutes = d.minutesSaved() == null ? 0 : d.minutesSaved();
        int answerMinutes = d.answerMinutes() == null ? 15 : d.answerMinutes();
        int testEvery = d.testEveryDays() == null ? 7 : d.testEveryDays();
        try {
            InputRules.checkDefinitions(d.inputs());
        } catch (UserFacingException e) {
            problems.addAll(e.fieldProblems());
        }
        Long teamId = null;
        Long userId = null;
        String owner = d.owner() == null ? "" : d.owner().trim();
        Optional<TeamOrPerson> found = people.owner(owner);
        if (found.isEmpty()) {
            problems.add(new FieldProblem("owner", "recipes.owner.unknown", owner));
        } else if (found.get().person()) {
            if (!caller.admin() && !found.get().userId().equals(caller.userId())) {
                problems.add(new FieldProblem("owner", "recipes.owner.notYou", owner));
            } else {
                userId = found.get().userId();
            }
        } else if (!access.mayEditOwnedBy(caller, found.get().teamId(), null)) {
            problems.add(new FieldProblem("owner", "recipes.owner.notYourTeam", found.get().name()));
        } else {
            teamId = found.get().teamId();
        }
        boolean testRuns = Boolean.TRUE.equals(d.testRunsEnabled());
        return new RecipeValues(slug, teamId, userId, category, d.tags(), d.titleEn(), d.titleJa(), d.summaryEn(),
                d.summaryJa(), d.stepsEn() == null ? "" : d.stepsEn(), d.stepsJa(), json.writeValueAsString(d.inputs()), minutes,
                Boolean.TRUE.equals(d.callsBack()), answerMinutes, testRuns, testEvery, d.plainPreviewEn(), d.plainPreviewJa());
    }

    Recipe recipe(Caller caller, RecipeRow row) {
        return Recipe.of(row, access.inputs(row.values().inputsJson()), access.mayEdit(caller, row));
    }
}
