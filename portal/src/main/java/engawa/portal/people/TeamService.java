package engawa.portal.people;

import engawa.db.people.Team;
import engawa.db.people.TeamMembership;
import engawa.db.people.TeamMembershipRepository;
import engawa.db.people.TeamRepository;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

@Service
@Validated
public class TeamService {

    private final TeamRepository teams;
    private final UserRepository users;
    private final TeamMembershipRepository memberships;
    private final Clock clock;

    TeamService(TeamRepository teams, UserRepository users, TeamMembershipRepository memberships, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.memberships = memberships;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TeamSummary create(@Valid NewTeam newTeam) {
        String slug = newTeam.slug().trim();
        if (teams.existsBySlug(slug)) {
            throw UserFacingException.conflict("people.team.exists", slug);
        }
        Team parent = null;
        if (newTeam.parentSlug() != null && !newTeam.parentSlug().isBlank()) {
            parent = teams.findBySlug(newTeam.parentSlug().trim())
                    .orElseThrow(() -> UserFacingException.invalid("people.team.parentNotFound", newTeam.parentSlug()));
        }
        String description = newTeam.description() == null || newTeam.description().isBlank() ? null : newTeam.description().trim();
        Team team = teams.save(new Team(slug, newTeam.name().trim(), description, parent, clock.instant()));
        return TeamSummary.of(team);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<TeamSummary> list(Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted() ? pageable
                : org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name"));
        return teams.findAllWithParent(sorted).map(TeamSummary::of);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TeamSummary> search(String text, Pageable pageable) {
        return teams.search(text == null ? "" : text.trim(), pageable).stream().map(TeamSummary::of).toList();
    }

    /** Whether a team of this slug exists: one lookup, for a page's status. */
    @PreAuthorize("isAuthenticated()")
    public boolean exists(String slug) {
        return teams.existsBySlug(slug);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TeamDetails details(String slug) {
        Team team = teams.findWithParentBySlug(slug)
                .orElseThrow(() -> UserFacingException.notFound("people.team.notFound", slug));
        List<TeamSummary> children = teams.findByParentOrderByName(team).stream().map(TeamSummary::of).toList();
        return new TeamDetails(TeamSummary.of(team), children, memberships.countByTeam(team));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<Member> members(String slug, Pageable pageable) {
        Team team = teams.findBySlug(slug).orElseThrow(() -> UserFacingException.notFound("people.team.notFound", slug));
        return memberships.findByTeam(team, pageable).map(m -> new Member(m.getUser().getUsername(),
                m.getUser().getDisplayName(), m.getUser().getEmail(), m.getJoinedAt()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addMember(String slug, String username) {
        Team team = teams.findBySlug(slug).orElseThrow(() -> UserFacingException.notFound("people.team.notFound", slug));
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.invalid("people.user.notFound", username));
        if (memberships.existsByTeamAndUser(team, user)) {
            throw UserFacingException.conflict("people.member.exists", user.getDisplayName(), team.getName());
        }
        memberships.save(new TeamMembership(team, user, clock.instant()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeMember(String slug, String username) {
        Team team = teams.findBySlug(slug).orElseThrow(() -> UserFacingException.notFound("people.team.notFound", slug));
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        memberships.deleteById(new TeamMembership.Key(team.getId(), user.getId()));
    }

    /** Whether {@code username} is a direct member of the team: the rule later features use for edit rights. */
    @Transactional(readOnly = true)
    public boolean isMember(String username, String teamSlug) {
        return users.findByUsername(username)
                .flatMap(u -> teams.findBySlug(teamSlug).map(t -> memberships.existsByTeamAndUser(t, u)))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    List<TeamSummary> teamsOf(User user) {
        return memberships.findByUser(user).stream().map(m -> TeamSummary.of(m.getTeam())).toList();
    }
}
