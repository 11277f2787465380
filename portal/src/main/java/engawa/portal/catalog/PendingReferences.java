package engawa.portal.catalog;

import engawa.db.catalog.CatalogPending;
import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Relation;
import engawa.db.catalog.ServiceChanges;
import engawa.db.catalog.ServiceRow;
import engawa.portal.people.PeopleImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * References that an import kept for later because their target was not in Engawa yet (owners,
 * parent teams, memberships), so that files may come in any order: at the end of each import,
 * whatever has arrived is resolved; the rest waits for a later import.
 */
@Component
class PendingReferences {

    private static final int CHUNK = ImportBatches.CHUNK;

    private final CatalogPending pending;
    private final PeopleImport people;
    private final CatalogServices services;
    private final CatalogRelations relations;
    private final ServiceChanges changes;
    private final ServiceEvents events;
    private final CatalogJson json;

    PendingReferences(CatalogPending pending, PeopleImport people, CatalogServices services, CatalogRelations relations,
            ServiceChanges changes, ServiceEvents events, CatalogJson json) {
        this.pending = pending;
        this.people = people;
        this.services = services;
        this.relations = relations;
        this.changes = changes;
        this.events = events;
        this.json = json;
    }

    /**
     * Everything that was waiting for what this import brought. A parent that would put a team
     * inside itself stays pending (and is reported).
     */
    void resolve(ImportRun run, Instant at) {
        Map<Long, Long> parentOf = new HashMap<>();
        people.teams().values().forEach(t -> parentOf.put(t.id(), t.parentId()));
        Map<Long, Long> arrived = new HashMap<>();
        for (long[] teamAndParent : pending.arrivedParents()) {
            long team = teamAndParent[0];
            long parent = teamAndParent[1];
            if (TeamCycles.circle(team, parent, parentOf::get).isEmpty()) {
                parentOf.put(team, parent);
                arrived.put(team, parent);
            }
        }
        people.setParents(arrived);
        pending.stopWaitingForParents(arrived.keySet());
        people.addMemberships(pending.takeArrivedMemberships(), at);
        List<CatalogPending.ResolvedOwner> owners = pending.resolveServiceOwners(at);
        for (int from = 0; from < owners.size(); from += CHUNK) {
            ownersArrived(owners.subList(from, Math.min(owners.size(), from + CHUNK)), run.caller.username(), at);
        }
        pending.resolveEntityOwners(at);
    }

    /** Services whose owner arrived: a history entry and a {@code service.updated} each, as for any imported change. */
    private void ownersArrived(List<CatalogPending.ResolvedOwner> owners, String actor, Instant at) {
        Map<Long, Map<String, FieldChange>> changed = new HashMap<>();
        List<ServiceChanges.NewChange> history = new ArrayList<>();
        for (CatalogPending.ResolvedOwner o : owners) {
            // Engawa knew no owner before: the history reads "owner: (empty) → team-a"
            Map<String, FieldChange> change = Map.of("owner", new FieldChange("", o.ownerRef()));
            changed.put(o.serviceId(), change);
            history.add(new ServiceChanges.NewChange(o.serviceId(), o.version(), actor, ServiceChanges.Action.IMPORTED,
                    json.write(change)));
        }
        changes.appendAll(history, at);
        Map<String, ServiceRow> rows = services.findByNames(owners.stream().map(CatalogPending.ResolvedOwner::name).toList(),
                false);
        Map<Long, Map<Relation, List<String>>> refs = relations.of(rows.values().stream().map(ServiceRow::id).toList());
        events.updatedEntries(rows.values().stream().map(row -> Map.entry(
                CatalogEntries.of(row, refs.getOrDefault(row.id(), Map.of()), json), changed.get(row.id()))).toList(),
                actor);
    }

    /** Which of the references this import kept for later are still open now that it is done. */
    Predicate<ImportReport.Unresolved> stillOpen(List<ImportReport.Unresolved> kept) {
        Set<String> services = new HashSet<>();
        Set<String> entityRefs = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        for (ImportReport.Unresolved u : kept) {
            String ref = u.entityRef().toLowerCase(Locale.ROOT);
            if (ref.startsWith("component:")) {
                services.add(ref.substring(ref.indexOf('/') + 1));
            } else if (!ref.startsWith("group:") && !ref.startsWith("user:")) {
                entityRefs.add(ref);
            }
            if (u.field().equals("memberOf") || u.field().equals("members")) {
                usernames.add(u.field().equals("memberOf") ? ref.substring(ref.indexOf('/') + 1) : u.target());
            }
        }
        Map<String, String> waitingServices = pending.servicesWaiting(services);
        Map<String, String> waitingEntities = pending.entitiesWaiting(entityRefs);
        Set<String> waitingTeams = new HashSet<>();
        pending.teamsStillWaiting(Integer.MAX_VALUE).forEach(t -> waitingTeams.add(t.teamSlug()));
        Set<String> waitingMemberships = pending.membershipsWaiting(usernames);
        return u -> {
            String ref = u.entityRef().toLowerCase(Locale.ROOT);
            String name = ref.substring(ref.indexOf('/') + 1);
            return switch (u.field()) {
                case "owner" -> ref.startsWith("component:") ? waitingServices.containsKey(name)
                        : waitingEntities.containsKey(ref);
                case "parent" -> PeopleImport.teamSlug(name).map(waitingTeams::contains).orElse(false);
                case "memberOf" -> waitingMemberships.contains(u.target() + "/" + name);
                case "members" -> PeopleImport.teamSlug(name).map(slug -> waitingMemberships.contains(slug + "/" + u.target()))
                        .orElse(false);
                default -> true;
            };
        };
    }
}
