package engawa.portal.catalog;

import engawa.db.catalog.CatalogPending;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.EntityRef;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.catalog.backstage.SkippedDocument;
import engawa.portal.people.PeopleImport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a batch of documents kind by kind (teams first, then people, the entities services refer
 * to, and last the services, so that each finds what the ones before it create) and then writes it.
 */
@Component
class BatchPlanner {

    private static final List<String> REFERENCED_KINDS = List.of("Domain", "System", "Resource", "API");

    private final GroupPlanner groups;
    private final UserPlanner users;
    private final EntityPlanner entities;
    private final ComponentPlanner components;
    private final PeopleImport people;
    private final CatalogPending pending;
    private final Clock clock;

    BatchPlanner(GroupPlanner groups, UserPlanner users, EntityPlanner entities, ComponentPlanner components,
            PeopleImport people, CatalogPending pending, Clock clock) {
        this.groups = groups;
        this.users = users;
        this.entities = entities;
        this.components = components;
        this.people = people;
        this.pending = pending;
        this.clock = clock;
    }

    void checkAndWrite(ImportRun run, List<ParsedEntity> parsed) {
        ImportBatch batch = new ImportBatch(run);
        List<ParsedEntity> unique = firstOfEach(run, parsed);
        batch.existingTeams = run.teams();
        batch.existingTeams.values().forEach(t -> batch.existingTeamSlugs.put(t.id(), t.slug()));
        if (unique.stream().anyMatch(e -> e.entity().kind().equals("Group"))) {
            batch.waitingParents = pending.waitingParents();
        }
        batch.existingUsers = people.accounts(usernamesMentioned(unique));
        groups.check(batch, ofKind(unique, "Group"));
        users.check(batch, ofKind(unique, "User"));
        List<ParsedEntity> referenced = new ArrayList<>();
        REFERENCED_KINDS.forEach(kind -> referenced.addAll(ofKind(unique, kind)));
        entities.check(batch, referenced);
        components.check(batch, ofKind(unique, "Component"));

        Instant at = clock.instant();
        Map<String, Long> newTeams = groups.write(batch, at);
        Map<String, Long> newUsers = users.write(batch, at);
        groups.writeMemberships(batch, newTeams, newUsers, at);
        entities.write(batch, newTeams, newUsers, at);
        components.write(batch, newTeams, newUsers, at, run.caller.username());
    }

    /**
     * The first document of each entity reference in the whole import: a second, identical one is a
     * copy (read once), a different one a conflict (reported).
     */
    private static List<ParsedEntity> firstOfEach(ImportRun run, List<ParsedEntity> parsed) {
        List<ParsedEntity> unique = new ArrayList<>();
        for (ParsedEntity entity : parsed) {
            ImportTally.Seen earlier = run.tally.seen.putIfAbsent(entity.entity().ref().toString().toLowerCase(Locale.ROOT),
                    new ImportTally.Seen(entity.file(), entity.documentIndex(), entity.entity().hashCode()));
            if (earlier == null) {
                unique.add(entity);
            } else if (earlier.hash() == entity.entity().hashCode()) {
                // catalog repositories often hold one file twice (a copy beside its folder): read once
                run.tally.skipped(new SkippedDocument(entity.file(), entity.documentIndex(), entity.entity().ref().toString(),
                        "The same entity as in " + earlier.file() + " #" + earlier.documentIndex() + ", so it was read once."));
            } else {
                run.tally.problem(new engawa.portal.catalog.backstage.ImportProblem(entity.file(), entity.documentIndex(),
                        entity.entity().ref().toString(), "A different entity with this kind, namespace and name came earlier"
                                + " in the import, in " + earlier.file() + " #" + earlier.documentIndex()
                                + "; that one is taken. Remove or rename one."));
            }
        }
        return unique;
    }

    private static List<ParsedEntity> ofKind(List<ParsedEntity> entities, String kind) {
        return entities.stream().filter(e -> e.entity().kind().equals(kind)).toList();
    }

    private static Set<String> usernamesMentioned(List<ParsedEntity> entities) {
        Set<String> names = new HashSet<>();
        for (ParsedEntity parsed : entities) {
            BackstageEntity e = parsed.entity();
            if (e.kind().equals("User")) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            Optional.ofNullable(e.specText("owner")).flatMap(o -> EntityRef.parse(o, "group", e.namespace()))
                    .filter(ref -> "user".equals(ref.kind())).ifPresent(ref -> names.add(ref.name().toLowerCase(Locale.ROOT)));
            e.specList("members").forEach(m -> EntityRef.parse(m, "user", e.namespace())
                    .ifPresent(ref -> names.add(ref.name().toLowerCase(Locale.ROOT))));
        }
        return names;
    }
}
