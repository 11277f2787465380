package engawa.portal.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.people.Team;
import org.junit.jupiter.api.Test;

class SlugSuggestionTest {

    @Test
    void a_team_name_becomes_a_valid_short_name() {
        assertThat(AdminTeamsView.suggestSlug("Finance & Operations")).isEqualTo("finance-operations");
        assertThat(AdminTeamsView.suggestSlug("  Café Crème  ")).isEqualTo("cafe-creme");
        assertThat(AdminTeamsView.suggestSlug("Site Reliability")).matches(Team.SLUG_PATTERN);
        assertThat(AdminTeamsView.suggestSlug("x".repeat(80) + " y")).hasSizeLessThanOrEqualTo(Team.SLUG_MAX_LENGTH)
                .matches(Team.SLUG_PATTERN);
    }

    @Test
    void a_name_in_japanese_only_suggests_nothing_rather_than_something_invalid() {
        assertThat(AdminTeamsView.suggestSlug("経理チーム")).isEmpty();
    }
}
