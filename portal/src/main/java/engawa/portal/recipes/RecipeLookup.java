package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeStatus;
import engawa.db.recipes.Recipes;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.Slugs;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipes as other features may find them, by the recipes feature's own rule of who sees what: a
 * published or archived recipe for everyone, a draft for its owners (members of the owning team,
 * the owning person) and admins.
 */
@Component
public class RecipeLookup {

    private final Recipes recipes;
    private final RecipeAccess access;
    private final engawa.portal.people.PeopleDirectory people;
    private final RunViewers viewers;

    RecipeLookup(Recipes recipes, RecipeAccess access, engawa.portal.people.PeopleDirectory people, RunViewers viewers) {
        this.recipes = recipes;
        this.access = access;
        this.people = people;
        this.viewers = viewers;
    }

    /** The people who answer for a recipe: its owning team's members, or its owning person. */
    @Transactional(readOnly = true)
    public java.util.List<Long> ownerPeople(long recipeId) {
        return recipes.findById(recipeId).map(r -> people.peopleOwning(r.values().ownerTeamId(), r.values().ownerUserId()))
                .orElse(java.util.List.of());
    }

    /** Whether someone has the run's page open on this instance, watching it finish. */
    public boolean runWatched(java.util.UUID runId) {
        return viewers.watching(runId);
    }

    @Transactional(readOnly = true)
    public Optional<RecipeRef> findVisible(Caller caller, String slug) {
        return find(slug).filter(r -> !r.draft() || access.mayEdit(caller, recipes.findById(r.id()).orElseThrow()));
    }

    /** Any recipe, whoever may see it: for the system's own work (demo data) only. */
    @Transactional(readOnly = true)
    public Optional<RecipeRef> find(String slug) {
        return slug == null || slug.isBlank() ? Optional.empty()
                : recipes.find(slug.strip().toLowerCase(Locale.ROOT)).map(RecipeLookup::ref);
    }

    /** A short name for a new recipe from these words that no recipe has yet ({@code expense-reports-2}). */
    @Transactional(readOnly = true)
    public String freeSlug(String words, String fallback) {
        String base = Slugs.from(words, 40);
        if (base.isEmpty()) {
            base = fallback;
        }
        String slug = base;
        for (int i = 2; recipes.find(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    static RecipeRef ref(RecipeRow row) {
        return new RecipeRef(row.id(), row.slug(), row.values().titleEn(), row.values().titleJa(),
                row.status() == RecipeStatus.DRAFT);
    }
}
