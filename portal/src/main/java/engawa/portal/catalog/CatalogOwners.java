package engawa.portal.catalog;

import engawa.db.people.TeamRepository;
import engawa.db.people.UserRepository;
import engawa.portal.people.Member;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds owners one at a time, for edits and filters. */
@Component
class CatalogOwners implements OwnerDirectory {

    private final TeamRepository teams;
    private final UserRepository users;

    CatalogOwners(TeamRepository teams, UserRepository users) {
        this.teams = teams;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Owner> team(String slug) {
        return teams.findBySlug(slug).map(t -> new Owner(Owner.Kind.TEAM, t.getId(), t.getSlug(), t.getName()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Owner> person(String username) {
        return users.findByUsername(username)
                .map(u -> new Owner(Owner.Kind.PERSON, u.getId(), u.getUsername(), u.getDisplayName()));
    }

    /** The owning person as a contact. */
    @Transactional(readOnly = true)
    Optional<Member> member(String username) {
        return users.findByUsername(username).map(u -> new Member(u.getUsername(), u.getDisplayName(), u.getEmail(),
                u.getCreatedAt()));
    }
}
