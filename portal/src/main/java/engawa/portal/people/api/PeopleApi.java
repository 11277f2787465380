package engawa.portal.people.api;

import engawa.db.people.Role;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.Member;
import engawa.portal.people.NewTeam;
import engawa.portal.people.TeamDetails;
import engawa.portal.people.TeamService;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserProfile;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class PeopleApi {

    private final UserAccountService users;
    private final TeamService teams;

    PeopleApi(UserAccountService users, TeamService teams) {
        this.users = users;
        this.teams = teams;
    }

    record TeamJson(String slug, String name, String description, String parent) {
        static TeamJson of(TeamSummary team) {
            return new TeamJson(team.slug(), team.name(), team.description(), team.parentSlug());
        }
    }

    record TeamDetailsJson(String slug, String name, String description, String parent, List<TeamJson> children,
            long memberCount, List<MemberJson> members) {
    }

    record MemberJson(String username, String displayName, String email) {
        static MemberJson of(Member member) {
            return new MemberJson(member.username(), member.displayName(), member.email());
        }
    }

    record UserJson(String username, String displayName, String email, Role role, boolean enabled, boolean singleSignOn,
            List<TeamJson> teams) {
        static UserJson of(UserProfile profile) {
            return new UserJson(profile.user().username(), profile.user().displayName(), profile.user().email(),
                    profile.user().role(), profile.user().enabled(), profile.user().singleSignOn(),
                    profile.teams().stream().map(TeamJson::of).toList());
        }
    }

    /** What an admin (or an HR system with an admin token) changes about someone; absent fields stay. */
    record UserChangeJson(String role, Boolean enabled) {
    }

    record NewTeamJson(String slug, String name, String description, String parent) {
    }

    @GetMapping("/me")
    UserJson me(Authentication authentication) {
        if (ApiTokenService.ADMIN_TOKEN_PRINCIPAL.equals(authentication.getName())) {
            return new UserJson(ApiTokenService.ADMIN_TOKEN_PRINCIPAL, "Admin token (ENGAWA_ADMIN_TOKEN)", null,
                    Role.ADMIN, true, false, List.of());
        }
        return UserJson.of(users.profile(authentication.getName()));
    }

    @GetMapping("/users/{username}")
    UserJson user(@PathVariable String username) {
        return UserJson.of(users.profile(username));
    }

    /**
     * Offboarding and promotion from outside, e.g. an HR system with an admin token: the same rules
     * as on the People page (admins only, never oneself, never the last admin).
     */
    @PatchMapping(path = "/users/{username}", consumes = {"application/merge-patch+json", "application/json"})
    UserJson changeUser(@PathVariable String username, @RequestBody UserChangeJson body) {
        users.change(username, body.role() == null ? null : role(body.role()), body.enabled());
        return UserJson.of(users.profile(username));
    }

    private static Role role(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "admin" -> Role.ADMIN;
            case "member" -> Role.MEMBER;
            default -> throw engawa.portal.shared.UserFacingException.invalidField("role", "people.role.unknown", text);
        };
    }

    @GetMapping("/teams")
    PageResponse<TeamJson> teams(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(teams.list(PageRequests.of(page, size)), TeamJson::of);
    }

    /** A team with its first members; a very large team's full list is for a future members endpoint. */
    @GetMapping("/teams/{slug}")
    TeamDetailsJson team(@PathVariable String slug) {
        TeamDetails details = teams.details(slug);
        List<MemberJson> members = teams.members(slug, PageRequests.of(0, PageRequests.MAX_SIZE)).map(MemberJson::of).getContent();
        TeamSummary team = details.team();
        return new TeamDetailsJson(team.slug(), team.name(), team.description(), team.parentSlug(),
                details.children().stream().map(TeamJson::of).toList(), details.memberCount(), members);
    }

    @PostMapping(path = "/teams", consumes = "application/json")
    ResponseEntity<TeamJson> createTeam(@RequestBody NewTeamJson body) {
        TeamSummary created = teams.create(new NewTeam(body.slug(), body.name(), body.description(), body.parent()));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.slug())).body(TeamJson.of(created));
    }
}
