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
        int testEveryDays) {
}
