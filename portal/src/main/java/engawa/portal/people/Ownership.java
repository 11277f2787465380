package engawa.portal.people;

import engawa.db.people.TeamTree;
import engawa.portal.people.Callers.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may change what a team or a person owns (a service, a recipe): admins, the members of the
 * owning team, the owning person. One rule for every feature.
 */
@Component
public class Ownership {

    private final TeamTree teamTree;

    Ownership(TeamTree teamTree) {
        this.teamTree = teamTree;
    }

    /** Exactly one of {@code teamId} and {@code userId} is the owner; both null: nobody's (only admins). */
    public boolean mayChange(Caller caller, Long teamId, Long userId) {
        if (caller.admin()) {
            return true;
        }
        if (caller.userId() == null) {
            return false;
        }
        return teamId != null ? teamTree.isMember(teamId, caller.userId()) : caller.userId().equals(userId);
    }
}
