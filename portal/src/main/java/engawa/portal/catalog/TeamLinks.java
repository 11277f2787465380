package engawa.portal.catalog;

import engawa.db.catalog.OpsLinkKind;
import engawa.db.catalog.TeamLinkDefaults;
import engawa.portal.people.Callers;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.WebUrls;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's standard ops links for its new services, as address templates with {@code {name}}
 * for the service's name: "the common minimum" that SRE sets once on Engineering and every team
 * below inherits, unless it sets its own. The new-service wizard fills them in.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TeamLinks {

    public static final String NAME_PLACEHOLDER = "{name}";

    /** A template that applies to a team, and whether it is the team's own or inherited. */
    public record Template(String urlTemplate, String fromTeamSlug, String fromTeamName, boolean inherited) {
    }

    private final TeamLinkDefaults defaults;
    private final CatalogOwners owners;
    private final CatalogService catalog;
    private final Callers callers;

    TeamLinks(TeamLinkDefaults defaults, CatalogOwners owners, CatalogService catalog, Callers callers) {
        this.defaults = defaults;
        this.owners = owners;
        this.catalog = catalog;
        this.callers = callers;
    }

    /** Kind by kind, the template that applies to the team, its own or its nearest parent's. */
    @Transactional(readOnly = true)
    public Map<OpsLinkKind, Template> templates(String teamSlug) {
        Owner team = team(teamSlug);
        Map<OpsLinkKind, Template> result = new EnumMap<>(OpsLinkKind.class);
        defaults.effective(team.id()).forEach((kind, t) -> result.put(kind,
                new Template(t.urlTemplate(), t.fromTeamSlug(), t.fromTeamName(), !t.fromTeamSlug().equals(team.key()))));
        return result;
    }

    /** The links a new service of the team starts with. */
    @Transactional(readOnly = true)
    public Map<OpsLinkKind, String> linksFor(String teamSlug, String serviceName) {
        Map<OpsLinkKind, String> links = new EnumMap<>(OpsLinkKind.class);
        templates(teamSlug).forEach((kind, t) -> links.put(kind, t.urlTemplate().replace(NAME_PLACEHOLDER,
                serviceName == null ? "" : serviceName)));
        return links;
    }

    @Transactional(readOnly = true)
    public boolean mayChange(String teamSlug) {
        return catalog.mayEditOwnedBy(callers.current(), team(teamSlug).id(), null);
    }

    /** Replaces the team's own templates; a kind left out is inherited again. */
    @Transactional
    public void replace(String teamSlug, Map<OpsLinkKind, String> templates) {
        Owner team = team(teamSlug);
        if (!catalog.mayEditOwnedBy(callers.current(), team.id(), null)) {
            throw UserFacingException.forbidden("catalog.teamLinks.notMember", team.name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<OpsLinkKind, String> clean = new EnumMap<>(OpsLinkKind.class);
        templates.forEach((kind, template) -> {
            if (template == null || template.isBlank()) {
                return;
            }
            String t = template.strip();
            if (!WebUrls.isWebUrl(t.replace(NAME_PLACEHOLDER, "example"))) {
                problems.add(new FieldProblem("opsLinks." + kind.key, "catalog.teamLinks.format"));
            } else {
                clean.put(kind, t);
            }
        });
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        defaults.replace(team.id(), clean);
    }

    private Owner team(String slug) {
        return owners.team(slug).orElseThrow(() -> UserFacingException.notFound("people.team.notFound", slug));
    }
}
