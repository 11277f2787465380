package engawa.portal.people;

import java.util.List;

/** A team with the teams below it; members are paged separately because a team can be large. */
public record TeamDetails(TeamSummary team, List<TeamSummary> children, long memberCount) {
}
