package engawa.portal.people;

import java.util.List;

public record UserProfile(UserSummary user, List<TeamSummary> teams) {
}
