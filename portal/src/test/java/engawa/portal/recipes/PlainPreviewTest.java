package engawa.portal.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainPreviewTest {

    private static final List<RecipeInput> FORM = List.of(
            new RecipeInput("team", "text", "Team", null, null, null, true, null, null, List.of()),
            new RecipeInput("deadline", "date", "Deadline", null, null, null, true, null, null, List.of()));

    @Test
    void the_answers_go_where_the_owners_put_them_and_a_missing_one_shows_as_not_yet() {
        String template = "Everyone in {team} gets a reminder that expenses are due {deadline}.";
        assertThat(PlainPreview.render(template, Map.of("team", "Finance", "deadline", "2026/12/31")::get))
                .isEqualTo("Everyone in Finance gets a reminder that expenses are due 2026/12/31.");
        assertThat(PlainPreview.render(template, Map.of("team", "Finance")::get))
                .isEqualTo("Everyone in Finance gets a reminder that expenses are due ….");
    }

    @Test
    void an_answer_is_put_in_as_text_whatever_it_holds() {
        assertThat(PlainPreview.render("To {team}.", Map.of("team", "$1 \\ {deadline} <b>")::get))
                .isEqualTo("To $1 \\ {deadline} <b>.");
    }

    @Test
    void a_placeholder_naming_no_field_is_refused_with_the_fields_there_are() {
        assertThat(PlainPreview.problems("Due {dedline}.", FORM, "plainPreviewEn")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("plainPreviewEn");
            assertThat(p.arguments()).containsExactly("dedline", "{deadline}, {team}");
        });
        assertThat(PlainPreview.problems("Due {deadline} for {team}; {not a field} stays as written.", FORM, "f")).isEmpty();
        assertThat(PlainPreview.problems(null, FORM, "f")).isEmpty();
    }
}
