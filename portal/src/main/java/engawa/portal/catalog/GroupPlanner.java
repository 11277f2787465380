package engawa.portal.catalog;

import engawa.db.catalog.CatalogPending;
import engawa.portal.catalog.ImportBatch.PlannedMembership;
import engawa.portal.catalog.ImportBatch.PlannedTeam;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.EntityRef;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.people.PeopleImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Backstage Groups become teams, with their parents and members. A parent that is not in Engawa
 * yet is waited for; a parent that would put a team inside itself is refused. Admins only.
 */
@Component
class GroupPlanner {

    private final PeopleImport people;
    private final CatalogPending pending;

    GroupPlanner(PeopleImport people, CatalogPending pending) {
        this.people = people;
        this.pending = pending;
    }

    void check(ImportBatch batch, List<ParsedEntity> groups) {
        for (ParsedEntity group : groups) {
            if (!batch.run.caller.admin()) {
                batch.problem(group, ImportMessages.onlyAdminsImportPeople());
                continue;
            }
            plan(batch, group);
        }
        waitForParentsNotHere(batch);
        dropParentCycles(batch);
        for (PlannedTeam team : batch.teams.values()) {
            team.temporaryId = team.existing == null ? batch.temporaryTeam(team.slug) : team.existing.id();
            List<String> changed = changes(batch, team);
            team.action = team.existing == null ? Action.CREATE : changed.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
            batch.run.tally.count(team.source, team.action, changed);
        }
    }

    private void plan(ImportBatch batch, ParsedEntity group) {
        BackstageEntity e = group.entity();
        Optional<String> slug = PeopleImport.teamSlug(e.name());
        if (slug.isEmpty()) {
            batch.problem(group, "The name \"" + e.name() + "\" cannot be a team's short name: use lower-case letters"
                    + " and digits joined by single hyphens (for example " + PeopleImport.suggestedSlug(e.name()) + ").");
            return;
        }
        String name = ImportMessages.firstText(ImportMessages.profile(e).get("displayName"), e.title(), e.name());
        if (name.length() > PeopleImport.TEAM_NAME_MAX_LENGTH) {
            batch.problem(group, "The team's name is longer than " + PeopleImport.TEAM_NAME_MAX_LENGTH + " characters;"
                    + " shorten spec.profile.displayName or metadata.title.");
            return;
        }
        if (e.description() != null && e.description().length() > PeopleImport.TEAM_DESCRIPTION_MAX_LENGTH) {
            batch.problem(group, "The description is longer than " + PeopleImport.TEAM_DESCRIPTION_MAX_LENGTH
                    + " characters; shorten it.");
            return;
        }
        String parent = e.specText("parent") == null ? null : EntityRef.parse(e.specText("parent"), "group",
                e.namespace()).flatMap(ref -> PeopleImport.teamSlug(ref.name())).orElse(null);
        if (e.specText("parent") != null && parent == null) {
            batch.problem(group, "spec.parent \"" + e.specText("parent") + "\" is not a group reference (write team-a"
                    + " or group:default/team-a).");
            return;
        }
        if (batch.teams.containsKey(slug.get())) {
            batch.problem(group, "Another Group in this import becomes the same team \"" + slug.get() + "\".");
            return;
        }
        PlannedTeam team = new PlannedTeam(group, slug.get(), name, e.description(), parent,
                batch.existingTeams.get(slug.get()));
        batch.teams.put(team.slug, team);
        for (String member : e.specList("members")) {
            EntityRef.parse(member, "user", e.namespace()).ifPresent(ref -> batch.memberships.add(
                    new PlannedMembership(team.slug, ref.name().toLowerCase(Locale.ROOT), false)));
        }
    }

    private List<String> changes(ImportBatch batch, PlannedTeam team) {
        List<String> changed = new ArrayList<>();
        if (team.existing == null) {
            return changed;
        }
        if (!team.name.equals(team.existing.name())) {
            changed.add("name");
        }
        if (!Objects.equals(team.description, team.existing.description())) {
            changed.add("description");
        }
        String currentParent = team.existing.parentId() == null ? batch.waitingParents.get(team.existing.id())
                : batch.existingTeamSlugs.get(team.existing.parentId());
        if (!Objects.equals(team.parent != null ? team.parent : team.pendingParent, currentParent)) {
            changed.add("parent");
        }
        return changed;
    }

    /** A parent that is neither in this batch nor in Engawa is kept for later: the team is taken without it. */
    private void waitForParentsNotHere(ImportBatch batch) {
        for (PlannedTeam team : batch.teams.values()) {
            if (team.parent != null && !batch.teams.containsKey(team.parent) && !batch.existingTeams.containsKey(team.parent)) {
                team.pendingParent = team.parent;
                team.parent = null;
                batch.run.tally.pending(team.source, "parent", team.pendingParent, "The parent team " + team.pendingParent
                        + " is not in Engawa yet. The team was taken without it and moves below "
                        + team.pendingParent + " when its Group is imported.");
            }
        }
    }

    private void dropParentCycles(ImportBatch batch) {
        for (PlannedTeam team : List.copyOf(batch.teams.values())) {
            TeamCycles.circle(team.slug, team.parent, batch::parentOf).ifPresent(path -> {
                batch.teams.remove(team.slug);
                batch.problem(team.source, "spec.parent makes a circle: " + team.slug + " → " + String.join(" → ", path)
                        + ". A team cannot be inside itself; change one of the parents.");
            });
        }
    }

    /** @return the new teams' ids by short name */
    Map<String, Long> write(ImportBatch batch, Instant at) {
        Map<String, Long> ids = new HashMap<>(people.insertTeams(batch.teams.values().stream()
                .filter(t -> t.action == Action.CREATE)
                .map(t -> new PeopleImport.NewTeam(t.slug, t.name, t.description)).toList(), at));
        Map<Long, PeopleImport.NewTeam> updates = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        for (PlannedTeam team : batch.teams.values()) {
            if (team.action == Action.UPDATE) {
                updates.put(team.existing.id(), new PeopleImport.NewTeam(team.slug, team.name, team.description));
            }
        }
        people.updateTeams(updates);
        for (PlannedTeam team : batch.teams.values()) {
            if (team.action == Action.UNCHANGED) {
                continue;
            }
            long id = team.existing != null ? team.existing.id() : ids.get(team.slug);
            Long parent = team.parent == null ? null
                    : ids.containsKey(team.parent) ? ids.get(team.parent) : batch.existingTeams.get(team.parent).id();
            parents.put(id, parent);
        }
        people.setParents(parents);
        Map<Long, String> nowWaiting = new HashMap<>();
        List<Long> noLongerWaiting = new ArrayList<>();
        for (PlannedTeam team : batch.teams.values()) {
            long id = team.existing != null ? team.existing.id() : ids.get(team.slug);
            if (team.pendingParent != null) {
                nowWaiting.put(id, team.pendingParent);
            } else if (batch.waitingParents.containsKey(id)) {
                noLongerWaiting.add(id);
            }
        }
        pending.stopWaitingForParents(noLongerWaiting);
        pending.waitForParents(nowWaiting);
        if (!batch.teams.isEmpty()) {
            batch.run.teamsChanged();
        }
        return ids;
    }

    /** Memberships of which both sides are here now; the others wait for the team or the person. */
    void writeMemberships(ImportBatch batch, Map<String, Long> newTeams, Map<String, Long> newUsers, Instant at) {
        List<long[]> rows = new ArrayList<>();
        List<String[]> waiting = new ArrayList<>();
        for (PlannedMembership m : batch.memberships) {
            Long team = newTeams.containsKey(m.teamSlug()) ? newTeams.get(m.teamSlug())
                    : batch.existingTeams.containsKey(m.teamSlug()) ? batch.existingTeams.get(m.teamSlug()).id() : null;
            Long user = newUsers.containsKey(m.username()) ? newUsers.get(m.username())
                    : batch.existingUsers.containsKey(m.username()) ? batch.existingUsers.get(m.username()).id() : null;
            if (team != null && user != null) {
                rows.add(new long[] {team, user});
                continue;
            }
            waiting.add(new String[] {m.teamSlug(), m.username(), m.fromUser() ? "user" : null});
            ParsedEntity source = m.fromUser() ? batch.users.get(m.username()).source() : batch.teams.get(m.teamSlug()).source;
            batch.run.tally.pending(source, m.fromUser() ? "memberOf" : "members", m.fromUser() ? m.teamSlug() : m.username(),
                    m.fromUser()
                            ? "The team " + m.teamSlug() + " is not in Engawa yet. The person was taken and joins it when"
                                    + " its Group is imported."
                            : "The person " + m.username() + " is not in Engawa yet. They join this team when their User"
                                    + " is imported.");
        }
        people.addMemberships(rows, at);
        pending.waitForMemberships(waiting);
    }
}
