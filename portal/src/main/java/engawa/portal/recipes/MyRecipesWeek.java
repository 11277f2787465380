package engawa.portal.recipes;

import java.util.List;

/**
 * A person's week with recipes, in plain words for a digest: how many runs, how many did not work,
 * the minutes recipes saved them this month, and their recipes that are broken.
 */
public record MyRecipesWeek(int runs, int failedRuns, long minutesSavedThisMonth, List<BrokenRecipe> broken) {

    public record BrokenRecipe(String slug, String titleEn, String titleJa, int failuresInARow) {
    }

    public boolean isEmpty() {
        return runs == 0 && minutesSavedThisMonth == 0 && broken.isEmpty();
    }
}
