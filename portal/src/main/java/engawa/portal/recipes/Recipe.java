package engawa.portal.recipes;

import engawa.db.recipes.RecipeHealth;
import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeStatus;
import engawa.portal.shared.SafeMarkdown;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recipe as everyone may see it: never its target or secret ({@link RecipeTarget} is for owners).
 *
 * @param ownerRef the owning team's slug, or {@code user:<username>} for a person
 * @param version the published version that runs (0 for a draft never published)
 * @param mayEdit whether the caller is one of its owners (or an admin)
 */
public record Recipe(long id, String slug, String titleEn, String titleJa, String summaryEn, String summaryJa,
        String category, List<String> tags, String ownerRef, String ownerName, RecipeStatus status, String stepsEn,
        String stepsJa, List<RecipeInput> inputs, int minutesSaved, boolean callsBack, int answerMinutes, int version,
        long editVersion, RecipeHealth health, int failuresInARow, Instant lastSuccessAt, Instant lastRunAt,
        long runCount, Instant publishedAt, Instant updatedAt, boolean testRunsEnabled, int testEveryDays,
        Instant nextTestAt, boolean hasTarget, boolean mayEdit, String plainPreviewEn, String plainPreviewJa) {

    /** Nothing succeeded for this long: the recipe may no longer work. */
    public static final Duration STALE_AFTER = Duration.ofDays(90);
    public static final int BROKEN_AFTER = 3;

    static Recipe of(RecipeRow row, List<RecipeInput> inputs, boolean mayEdit) {
        var v = row.values();
        String ownerRef = v.ownerTeamId() != null ? row.ownerKey() : "user:" + row.ownerKey();
        return new Recipe(row.id(), v.slug(), v.titleEn(), v.titleJa(), v.summaryEn(), v.summaryJa(), v.category(),
                v.tags(), ownerRef, row.ownerName(), row.status(), v.stepsEn(), v.stepsJa(), inputs, v.minutesSaved(),
                v.callsBack(), v.answerMinutes(), row.publishedVersion(), row.editVersion(), row.health(),
                row.failuresInARow(), row.lastSuccessAt(), row.lastRunAt(), row.runCount(), row.publishedAt(),
                row.updatedAt(), v.testRunsEnabled(), v.testEveryDays(), row.nextTestAt(),
                row.targetSubscriptionId() != null, mayEdit, v.plainPreviewEn(), v.plainPreviewJa());
    }

    public String title(boolean japanese) {
        return japanese && titleJa != null && !titleJa.isBlank() ? titleJa : titleEn;
    }

    public String summary(boolean japanese) {
        return japanese && summaryJa != null && !summaryJa.isBlank() ? summaryJa : summaryEn;
    }

    /** The steps as safe HTML, in Japanese when written. */
    public String stepsHtml(boolean japanese) {
        return SafeMarkdown.toHtml(japanese && stepsJa != null && !stepsJa.isBlank() ? stepsJa : stepsEn);
    }

    /** The owners' words for what a run will do, over the answers; null when they wrote none. */
    public String plainPreview(boolean japanese) {
        return japanese && plainPreviewJa != null && !plainPreviewJa.isBlank() ? plainPreviewJa : plainPreviewEn;
    }

    public boolean broken() {
        return health == RecipeHealth.BROKEN;
    }

    /** Published, and nothing succeeded for {@link #STALE_AFTER} (counted from publication when nothing ever did). */
    public boolean stale(Instant now) {
        if (status != RecipeStatus.PUBLISHED) {
            return false;
        }
        Instant since = lastSuccessAt != null ? lastSuccessAt : publishedAt;
        return since != null && since.plus(STALE_AFTER).isBefore(now);
    }

    public boolean runnable() {
        return status == RecipeStatus.PUBLISHED && hasTarget;
    }
}
