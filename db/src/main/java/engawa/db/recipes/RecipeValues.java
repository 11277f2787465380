package engawa.db.recipes;

import java.util.List;

/**
 * What an owner writes in a recipe's form, as stored. Exactly one of the owner ids is set.
 *
 * @param inputsJson the form's fields as a JSON array
 */
public record RecipeValues(String slug, Long ownerTeamId, Long ownerUserId, String category, List<String> tags,
        String titleEn, String titleJa, String summaryEn, String summaryJa, String stepsEn, String stepsJa,
        String inputsJson, int minutesSaved, boolean callsBack, int answerMinutes, boolean testRunsEnabled,
        int testEveryDays, String plainPreviewEn, String plainPreviewJa) {

    /** Without the plain preview (tools and tests that have none). */
    public RecipeValues(String slug, Long ownerTeamId, Long ownerUserId, String category, List<String> tags,
            String titleEn, String titleJa, String summaryEn, String summaryJa, String stepsEn, String stepsJa,
            String inputsJson, int minutesSaved, boolean callsBack, int answerMinutes, boolean testRunsEnabled,
            int testEveryDays) {
        this(slug, ownerTeamId, ownerUserId, category, tags, titleEn, titleJa, summaryEn, summaryJa, stepsEn, stepsJa,
                inputsJson, minutesSaved, callsBack, answerMinutes, testRunsEnabled, testEveryDays, null, null);
    }
}
