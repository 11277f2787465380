package engawa.portal.catalog;

import engawa.db.catalog.EntityValues;
import engawa.db.catalog.ServiceRow;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.people.PeopleImport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one batch of an import decides before it writes: the teams, people, entities and services
 * it will create or change. It is also the directory of owners while it decides: what Engawa has,
 * plus what this batch creates (under temporary negative ids until written).
 */
final class ImportBatch implements OwnerDirectory {

    final ImportRun run;
    Map<String, PeopleImport.Team> existingTeams = Map.of();
    final Map<Long, String> existingTeamSlugs = new HashMap<>();
    final Map<String, PlannedTeam> teams = new LinkedHashMap<>();
    Map<String, PeopleImport.Account> existingUsers = Map.of();
    final Map<String, PlannedUser> users = new LinkedHashMap<>();
    /** Teams waiting for a parent that was not in Engawa yet: team id to the parent's short name. */
    Map<Long, String> waitingParents = Map.of();
    final List<PlannedMembership> memberships = new ArrayList<>();
    final List<EntityValues> entityWrites = new ArrayList<>();
    final List<PlannedService> serviceWrites = new ArrayList<>();
    private long nextTemporaryId = -1;
    private final Map<Long, String> temporaryTeams = new HashMap<>();
    private final Map<Long, String> temporaryUsers = new HashMap<>();

    ImportBatch(ImportRun run) {
        this.run = run;
    }

    /** A Group to be a team; {@code parent} is null at the top, or moved to {@code pendingParent} when it is not here yet. */
    static final class PlannedTeam {
        final ParsedEntity source;
        final String slug;
        final String name;
        final String description;
        String parent;
        String pendingParent;
        final PeopleImport.Team existing;
        long temporaryId;
        Action action;

        PlannedTeam(ParsedEntity source, String slug, String name, String description, String parent,
                PeopleImport.Team existing) {
            this.source = source;
            this.slug = slug;
            this.name = name;
            this.description = description;
            this.parent = parent;
            this.existing = existing;
        }
    }

    /** A User to be an account (or, when it exists, to join teams). */
    record PlannedUser(ParsedEntity source, String username, String displayName, String email,
            PeopleImport.Account existing, long id) {
    }

    /**
     * A membership from a Group's {@code members} ({@code fromUser} false) or a User's
     * {@code memberOf} ({@code fromUser} true).
     */
    record PlannedMembership(String teamSlug, String username, boolean fromUser) {
    }

    record PlannedService(ParsedEntity source, ResolvedDraft resolved, String annotationsJson, ServiceRow current,
            Map<String, FieldChange> changes) {
    }

    // ---- the directory of owners: what exists plus what this batch creates

    @Override
    public Optional<Owner> team(String slug) {
        PlannedTeam planned = teams.get(slug);
        if (planned != null) {
            return Optional.of(new Owner(Owner.Kind.TEAM, planned.temporaryId != 0 ? planned.temporaryId
                    : planned.existing != null ? planned.existing.id() : temporaryTeam(slug), slug, planned.name));
        }
        PeopleImport.Team existing = existingTeams.get(slug);
        return existing == null ? Optional.empty()
                : Optional.of(new Owner(Owner.Kind.TEAM, existing.id(), existing.slug(), existing.name()));
    }

    @Override
    public Optional<Owner> person(String username) {
        PlannedUser planned = users.get(username);
        if (planned != null) {
            return Optional.of(new Owner(Owner.Kind.PERSON, planned.id(), username, planned.displayName()));
        }
        PeopleImport.Account existing = existingUsers.get(username);
        return existing == null ? Optional.empty()
                : Optional.of(new Owner(Owner.Kind.PERSON, existing.id(), existing.username(), existing.displayName()));
    }

    /** Admins' imports keep an owner that is not here yet; members may import only what their teams own. */
    @Override
    public Optional<Owner> pending(String kind, String name, boolean bare) {
        return run.caller.admin() ? Optional.of(Owner.pending(kind, name, bare)) : Optional.empty();
    }

    long temporaryTeam(String slug) {
        PlannedTeam planned = teams.get(slug);
        if (planned != null && planned.temporaryId != 0) {
            return planned.temporaryId;
        }
        long id = nextTemporaryId--;
        temporaryTeams.put(id, slug);
        if (planned != null) {
            planned.temporaryId = id;
        }
        return id;
    }

    long temporaryUser(String username) {
        long id = nextTemporaryId--;
        temporaryUsers.put(id, username);
        return id;
    }

    /** A team id as written: temporary ids become the ids the new teams got. */
    Long realTeam(Long id, Map<String, Long> created) {
        return id == null || id > 0 ? id : created.get(temporaryTeams.get(id));
    }

    Long realUser(Long id, Map<String, Long> created) {
        return id == null || id > 0 ? id : created.get(temporaryUsers.get(id));
    }

    /** The short name of the parent of a team, planned or existing; null at the top. */
    String parentOf(String slug) {
        PlannedTeam planned = teams.get(slug);
        if (planned != null) {
            return planned.parent;
        }
        PeopleImport.Team existing = existingTeams.get(slug);
        return existing == null || existing.parentId() == null ? null : existingTeamSlugs.get(existing.parentId());
    }

    void problem(ParsedEntity entity, String reason) {
        run.tally.problem(new ImportProblem(entity.file(), entity.documentIndex(), entity.entity().ref().toString(), reason));
    }
}
