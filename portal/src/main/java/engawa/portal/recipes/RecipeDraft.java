package engawa.portal.recipes;

import engawa.portal.shared.SafeMarkdown;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an owner submits in the recipe form or the API. The rules of each value are here; those
 * that need the owner, the category list or the target's address are {@link RecipeService}'s.
 *
 * @param owner a team's short name, {@code group:<team>} or {@code user:<username>}
 * @param targetUrl null or blank keeps the current target; a different URL gets a new signing secret
 * @param newSecret whether to replace the signing secret even when the URL stays
 */
public record RecipeDraft(String slug, String owner, String category,
        @Size(max = MAX_TAGS, message = "recipes.tags.limits")
        List<@Size(max = TAG_MAX_LENGTH, message = "recipes.tags.limits") String> tags,
        @NotBlank(message = "recipes.field.required") @Size(max = TITLE_MAX_LENGTH, message = "recipes.field.tooLong")
        String titleEn,
        @Size(max = TITLE_MAX_LENGTH, message = "recipes.field.tooLong")
        String titleJa,
        @NotBlank(message = "recipes.field.required") @Size(max = SUMMARY_MAX_LENGTH, message = "recipes.field.tooLong")
        String summaryEn,
        @Size(max = SUMMARY_MAX_LENGTH, message = "recipes.field.tooLong")
        String summaryJa,
        @Size(max = SafeMarkdown.MAX_LENGTH, message = "recipes.field.tooLong")
        String stepsEn,
        @Size(max = SafeMarkdown.MAX_LENGTH, message = "recipes.field.tooLong")
        String stepsJa,
        @Size(max = InputRules.MAX_FIELDS, message = "recipes.inputs.tooMany")
        List<@Valid RecipeInput> inputs,
        @Min(value = 0, message = "recipes.minutesSaved.range") @Max(value = MAX_MINUTES, message = "recipes.minutesSaved.range")
        Integer minutesSaved,
        Boolean callsBack,
        @Min(value = 1, message = "recipes.answerMinutes.range") @Max(value = MAX_MINUTES, message = "recipes.answerMinutes.range")
        Integer answerMinutes,
        Boolean testRunsEnabled,
        @Min(value = 1, message = "recipes.testEveryDays.range") @Max(value = MAX_TEST_EVERY_DAYS, message = "recipes.testEveryDays.range")
        Integer testEveryDays,
        String targetUrl, boolean newSecret,
        @Size(max = PLAIN_PREVIEW_MAX_LENGTH, message = "recipes.field.tooLong")
        String plainPreviewEn,
        @Size(max = PLAIN_PREVIEW_MAX_LENGTH, message = "recipes.field.tooLong")
        String plainPreviewJa) {

    public static final int TITLE_MAX_LENGTH = 120;
    /** "This will post a reminder to {team} for {deadline}": a sentence or two, not a page. */
    public static final int PLAIN_PREVIEW_MAX_LENGTH = 300;
    public static final int SUMMARY_MAX_LENGTH = 300;
    public static final int MAX_TAGS = 10;
    public static final int TAG_MAX_LENGTH = 30;
    /** A day: no run saves more, no workflow is waited for longer. */
    public static final int MAX_MINUTES = 1440;
    public static final int MAX_TEST_EVERY_DAYS = 90;

    /** Texts trimmed (an empty one is absent), lists never null, tags in lower case once each. */
    public RecipeDraft {
        titleEn = trim(titleEn);
        titleJa = trim(titleJa);
        summaryEn = trim(summaryEn);
        summaryJa = trim(summaryJa);
        stepsEn = trim(stepsEn);
        stepsJa = trim(stepsJa);
        plainPreviewEn = trim(plainPreviewEn);
        plainPreviewJa = trim(plainPreviewJa);
        tags = tags == null ? List.of() : tags.stream().map(t -> t == null ? "" : t.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList();
        inputs = inputs == null ? List.of() : inputs;
    }

    /** Without a plain preview (the demo's recipes that have none, older callers). */
    public RecipeDraft(String slug, String owner, String category, List<String> tags, String titleEn, String titleJa,
            String summaryEn, String summaryJa, String stepsEn, String stepsJa, List<RecipeInput> inputs,
            Integer minutesSaved, Boolean callsBack, Integer answerMinutes, Boolean testRunsEnabled, Integer testEveryDays,
            String targetUrl, boolean newSecret) {
        this(slug, owner, category, tags, titleEn, titleJa, summaryEn, summaryJa, stepsEn, stepsJa, inputs, minutesSaved,
                callsBack, answerMinutes, testRunsEnabled, testEveryDays, targetUrl, newSecret, null, null);
    }

    /** The same draft with the owners' plain preview of a run. */
    public RecipeDraft withPlainPreview(String en, String ja) {
        return new RecipeDraft(slug, owner, category, tags, titleEn, titleJa, summaryEn, summaryJa, stepsEn, stepsJa, inputs,
                minutesSaved, callsBack, answerMinutes, testRunsEnabled, testEveryDays, targetUrl, newSecret, en, ja);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
