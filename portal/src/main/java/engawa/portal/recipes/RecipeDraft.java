package engawa.portal.recipes;

import java.util.List;

/**
 * What an owner submits in the recipe form or the API.
 *
 * @param owner a team's slug or {@code user:<username>}
 * @param targetUrl null or blank keeps the current target; a different URL gets a new signing secret
 * @param newSecret whether to replace the signing secret even when the URL stays
 */
public record RecipeDraft(String slug, String owner, String category, List<String> tags, String titleEn, String titleJa,
        String summaryEn, String summaryJa, String stepsEn, String stepsJa, List<RecipeInput> inputs,
        Integer minutesSaved, Boolean callsBack, Integer answerMinutes, Boolean testRunsEnabled, Integer testEveryDays,
        String targetUrl, boolean newSecret) {

    public RecipeDraft {
        tags = tags == null ? List.of() : tags;
        inputs = inputs == null ? List.of() : inputs;
    }
}
