package engawa.portal.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.portal.shared.UserFacingException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    static final InputRules.Me HANA = new InputRules.Me("hana", "Hana Sato", "hana@example.com", "Finance & Operations");

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
}
