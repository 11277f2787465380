package engawa.portal.people;

import engawa.db.people.Team;

public record TeamSummary(String slug, String name, String description, String parentSlug, String parentName) {

    static TeamSummary of(Team team) {
        Team parent = team.getParent();
        return new TeamSummary(team.getSlug(), team.getName(), team.getDescription(),
                parent == null ? null : parent.getSlug(), parent == null ? null : parent.getName());
    }
}
