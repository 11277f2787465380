package engawa.portal.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.portal.shared.UserFacingException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    static final InputRules.Me HANA = new InputRules.Me("hana", "Hana Sato", "hana@example.com", "Finance & Operations",
            java.time.LocalDate.of(2026, 12, 4), null);

    static RecipeInput field(String key, String kind, boolean required, String defaultValue, String pattern, String... choices) {
        return new RecipeInput(key, kind, key, null, null, null, required, defaultValue, pattern, List.of(choices));
    }

    @Test
    void answers_are_converted_and_defaults_name_the_person_running_it() {
        List<RecipeInput> form = List.of(field("team", "text", true, "{me.team}", null),
                field("email", "email", true, "{me.email}", null), field("amount", "number", true, null, null),
                field("day", "date", false, null, null), field("room", "choice", true, null, null, "Sakura", "Fuji"),
                field("receipt", "checkbox", false, null, null));
        Map<String, Object> values = InputRules.answers(form, Map.of("amount", "1,200", "room", "Fuji", "receipt", true), HANA);
        assertThat(values).containsEntry("team", "Finance & Operations").containsEntry("email", "hana@example.com")
                .containsEntry("amount", new BigDecimal("1200")).containsEntry("room", "Fuji").containsEntry("receipt", true)
                .containsEntry("day", null);
    }

    @Test
    void every_wrong_field_is_named_with_what_to_fix() {
        List<RecipeInput> form = List.of(field("amount", "number", true, null, null), field("day", "date", true, null, null),
                field("email", "email", true, null, null), field("room", "choice", true, null, null, "Sakura"),
                field("start", "text", true, null, "\\d\\d:\\d\\d"), field("agree", "checkbox", true, null, null));
        assertThatThrownBy(() -> InputRules.answers(form, Map.of("amount", "lots", "day", "24/12", "email", "hana",
                "room", "Kitchen", "start", "noon", "agree", "false", "extra", "x"), HANA))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .extracting(UserFacingException.FieldProblem::field)
                        .containsExactly("inputs.amount", "inputs.day", "inputs.email", "inputs.room", "inputs.start",
                                "inputs.agree", "inputs.extra"));
    }

    @Test
    void definitions_that_could_not_be_filled_in_are_refused() {
        assertThatThrownBy(() -> InputRules.checkDefinitions(List.of(field("Bad Key", "text", false, null, null),
                field("a", "colour", false, null, null), field("a", "text", false, null, "([a-"),
                field("b", "choice", true, null, null))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .extracting(UserFacingException.FieldProblem::field)
                        .containsExactly("inputs[0].key", "inputs[1].kind", "inputs[2].key", "inputs[2].pattern",
                                "inputs[3].choices"));
    }

    @Test
    void relative_date_defaults_are_days_seen_from_the_persons_today() {
        List<RecipeInput> form = List.of(field("a", "date", true, "{end-of-month}", null),
                field("b", "date", true, "{next-monday}", null), field("c", "date", true, "{today+7}", null),
                field("d", "date", true, "{today}", null));
        // 2026-12-04 is a Friday
        assertThat(InputRules.answers(form, Map.of(), HANA)).containsEntry("a", "2026-12-31").containsEntry("b", "2026-12-07")
                .containsEntry("c", "2026-12-11").containsEntry("d", "2026-12-04");
        assertThatThrownBy(() -> InputRules.checkDefinitions(List.of(field("a", "date", true, "{yesterday}", null))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .extracting(UserFacingException.FieldProblem::field).containsExactly("inputs[0].defaultValue"));
    }

    @Test
    void answers_outside_the_owners_limits_are_refused_or_put_to_the_person_to_confirm() {
        RecipeInput deadline = new RecipeInput("deadline", "date", "Deadline", "締め切り", null, null, true, null, null, List.of(),
                InputLimits.notInThePast(InputLimits.REFUSE));
        RecipeInput amount = field("amount", "number", true, null, null)
                .withLimits(InputLimits.between(BigDecimal.ONE, BigDecimal.valueOf(1_000_000), InputLimits.REFUSE));
        RecipeInput firstDay = new RecipeInput("first_day", "date", "First day", "初日", null, null, true, null, null, List.of(),
                InputLimits.notInThePast(InputLimits.WARN));

        assertThatThrownBy(() -> InputRules.answers(List.of(deadline), Map.of("deadline", "2026-12-03"), HANA, true))
                .as("a refusal stands even when the person confirms")
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.fieldProblems().getFirst().messageIn(java.util.Locale.ENGLISH))
                            .isEqualTo("\"Deadline\" cannot be in the past: choose today or a later day.");
                    assertThat(e.fieldProblems().getFirst().messageIn(java.util.Locale.JAPANESE))
                            .as("the label in the reader's language").startsWith("「締め切り」に過去の日付");
                    assertThat(e.problemProperties()).doesNotContainKey("confirm");
                });
        assertThat(InputRules.answers(List.of(deadline), Map.of("deadline", "2026-12-04"), HANA)).containsEntry("deadline",
                "2026-12-04");
        assertThatThrownBy(() -> InputRules.answers(List.of(amount), Map.of("amount", "-500"), HANA))
                .hasMessageContaining("must be between 1 and 1,000,000");

        assertThatThrownBy(() -> InputRules.answers(List.of(firstDay), Map.of("first_day", "2026-12-01"), HANA))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.problemProperties()).containsEntry("confirm", true));
        assertThat(InputRules.answers(List.of(firstDay), Map.of("first_day", "2026-12-01"), HANA, true))
                .containsEntry("first_day", "2026-12-01");
    }

    @Test
    void dates_are_read_year_first_as_people_type_them_and_day_first_forms_are_refused() {
        RecipeInput day = field("day", "date", true, null, null);
        for (String typed : List.of("2026-12-24", "2026/12/24", "2026/12/24 ", "2026年12月24日", "2026.12.24")) {
            assertThat(InputRules.answers(List.of(day), Map.of("day", typed), HANA)).containsEntry("day", "2026-12-24");
        }
        assertThatThrownBy(() -> InputRules.answers(List.of(day), Map.of("day", "12/24/2026"), HANA))
                .hasMessageContaining("year first");
        assertThatThrownBy(() -> InputRules.answers(List.of(day), Map.of("day", "2026-02-30"), HANA))
                .hasMessageContaining("year first");
    }

    @Test
    void limits_that_make_no_sense_are_refused_to_the_owner() {
        RecipeInput text = field("note", "text", false, null, null)
                .withLimits(InputLimits.between(BigDecimal.TEN, BigDecimal.ONE, "maybe"));
        assertThatThrownBy(() -> InputRules.checkDefinitions(List.of(text)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .extracting(UserFacingException.FieldProblem::field)
                        .containsExactlyInAnyOrder("inputs[0].limits.whenOutside", "inputs[0].limits", "inputs[0].limits.max"));
    }
}
