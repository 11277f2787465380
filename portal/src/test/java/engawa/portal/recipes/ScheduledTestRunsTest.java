package engawa.portal.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scheduled test run answers in a recipe's form, so that the run passes the form's own rules. */
class ScheduledTestRunsTest {

    static final String TIME = "([01]?[0-9]|2[0-3]):[0-5][0-9]";

    @Test
    void a_text_field_with_a_pattern_takes_the_example_its_help_gives() {
        RecipeInput start = new RecipeInput("start", "text", "Start time", "開始時刻", "Like 14:30", "例: 14:30", true, null,
                TIME, List.of());
        assertThat(ScheduledTestRuns.samples(List.of(start), LocalDate.of(2026, 12, 4))).containsEntry("start", "14:30");

        RecipeInput japaneseOnly = new RecipeInput("start", "text", "Start time", "開始時刻", "Say when", "例: 9:05、または 17:45",
                true, null, TIME, List.of());
        assertThat(ScheduledTestRuns.sampleText(japaneseOnly)).isEqualTo("9:05");
    }

    @Test
    void without_a_fitting_example_the_sample_is_plain_words() {
        RecipeInput noExample = new RecipeInput("start", "text", "Start time", "開始時刻", "When it starts", null, true, null,
                TIME, List.of());
        assertThat(ScheduledTestRuns.sampleText(noExample)).isEqualTo("Test run");
        RecipeInput free = new RecipeInput("note", "text", "Note", "メモ", "Like 14:30", null, false, null, null, List.of());
        assertThat(ScheduledTestRuns.sampleText(free)).isEqualTo("Test run");
    }
}
