package engawa.portal.recipes;

/**
 * How a recipe does.
 *
 * @param finished runs that finished in the last 30 days (tests included: they prove it works too)
 * @param succeeded of those, the ones that succeeded
 * @param minutesSavedThisMonth successful real runs this month times the minutes each saves
 */
public record RecipeStats(long finished, long succeeded, long minutesSavedThisMonth) {

    /** Whole percent, or -1 when nothing finished. */
    public int successPercent() {
        return finished == 0 ? -1 : (int) Math.floor(100.0 * succeeded / finished);
    }
}
