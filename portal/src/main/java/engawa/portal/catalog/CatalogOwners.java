package engawa.portal.catalog;

import engawa.portal.people.Member;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.OwnerRef;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds owners one at a time, for edits and filters, in people's directory. */
@Component
class CatalogOwners implements OwnerDirectory {

    private final PeopleDirectory people;

    CatalogOwners(PeopleDirectory people) {
        this.people = people;
    }

    @Override
    public Optional<Owner> team(String slug) {
        return people.owner(new OwnerRef(false, slug, false)).map(t -> new Owner(Owner.Kind.TEAM, t.id(), t.key(), t.name()));
    }

    @Override
    public Optional<Owner> person(String username) {
        return people.owner(new OwnerRef(true, username, false))
                .map(u -> new Owner(Owner.Kind.PERSON, u.id(), u.key(), u.name()));
    }

    /** The owning person as a contact. */
    Optional<Member> member(String username) {
        return people.person(username).map(p -> new Member(p.username(), p.displayName(), p.email(), null));
    }
}
