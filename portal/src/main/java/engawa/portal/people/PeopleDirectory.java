package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.Team;
import engawa.db.people.TeamRepository;
import engawa.db.people.TeamTree;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.Translations;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features ask about people and teams: who someone is, which teams they belong to,
 * which teams sit below a team, and who an owner reference names. Plain look-ups: the callers
 * decide who may ask (they have checked that someone is signed in, or run as the system).
 */
@Component
public class PeopleDirectory {

    private final UserRepository users;
    private final TeamRepository teams;
    private final TeamTree tree;
    private final engawa.db.people.Contacts contacts;

    PeopleDirectory(UserRepository users, TeamRepository teams, TeamTree tree, engawa.db.people.Contacts contacts) {
        this.users = users;
        this.teams = teams;
        this.tree = tree;
        this.contacts = contacts;
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(PeopleDirectory::person);
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(long id) {
        return users.findById(id).map(PeopleDirectory::person);
    }

    /** Many people at once, by id (those that exist), in one query. */
    public java.util.Map<Long, Person> people(java.util.Collection<Long> ids) {
        java.util.Map<Long, Person> found = new java.util.HashMap<>();
        contacts.of(ids).forEach((id, c) -> found.put(id, new Person(id, c.username(), c.displayName(), c.email(),
                c.enabled(), c.role() == Role.ADMIN, c.locale() == null ? null : Translations.fromTag(c.locale()))));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<TeamRef> team(String slug) {
        return slug == null ? Optional.empty() : teams.findBySlug(slug.strip().toLowerCase(java.util.Locale.ROOT))
                .map(PeopleDirectory::team);
    }

    /** The teams a person is a direct member of (membership is not inherited from parent teams). */
    public List<Long> teamIdsOf(long userId) {
        return tree.teamIdsOf(userId);
    }

    /**
     * Who answers for something owned by a team (its enabled direct members) or by a person
     * (them, when enabled): whom the portal tells about it.
     */
    @Transactional(readOnly = true)
    public List<Long> peopleOwning(Long teamId, Long userId) {
        if (teamId != null) {
            return tree.enabledMemberIds(teamId);
        }
        return userId == null ? List.of() : users.findById(userId).filter(User::isEnabled).map(u -> List.of(u.getId()))
                .orElse(List.of());
    }

    public boolean isMember(long teamId, long userId) {
        return tree.isMember(teamId, userId);
    }

    /** The team and every team below it, at any depth. */
    public List<Long> subtree(long teamId) {
        return tree.subtree(teamId);
    }

    /**
     * The team or person an owner reference names, when they are in Engawa. A bare name is a
     * team's, as in Backstage; when no team has it but a person does, it is that person (older
     * catalogs write {@code owner: guest} for a user).
     */
    @Transactional(readOnly = true)
    public Optional<TeamOrPerson> owner(OwnerRef ref) {
        if (ref.person()) {
            return personOwner(ref.name());
        }
        Optional<TeamOrPerson> team = teams.findBySlug(ref.name()).map(t -> new TeamOrPerson(false, t.getId(), t.getSlug(),
                t.getName()));
        return team.isPresent() || !ref.bare() ? team : personOwner(ref.name());
    }

    /** The team or person {@code text} names ({@link OwnerRef}), when it is an owner reference and they are in Engawa. */
    @Transactional(readOnly = true)
    public Optional<TeamOrPerson> owner(String text) {
        return OwnerRef.parse(text).flatMap(this::owner);
    }

    private Optional<TeamOrPerson> personOwner(String username) {
        return users.findByUsername(username).map(u -> new TeamOrPerson(true, u.getId(), u.getUsername(), u.getDisplayName()));
    }

    static Person person(User user) {
        return new Person(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(), user.isEnabled(),
                user.getRole() == Role.ADMIN, user.getLocale() == null ? null : Translations.fromTag(user.getLocale()));
    }

    static TeamRef team(Team team) {
        return new TeamRef(team.getId(), team.getSlug(), team.getName());
    }
}
