package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.ChangeRow;
import engawa.db.catalog.EntityRow;
import engawa.db.catalog.Relation;
import engawa.db.catalog.ScorecardRule;
import engawa.db.catalog.Scorecards;
import engawa.db.catalog.RelatedEntity;
import engawa.db.catalog.ServiceChanges;
import engawa.db.catalog.ServiceFilter;
import engawa.db.catalog.ServiceRow;
import engawa.db.catalog.ServiceValues;
import engawa.portal.people.Callers;
import engawa.portal.people.Ownership;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.Member;
import engawa.portal.people.TeamService;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Reading and changing single services. Everyone signed in reads everything; members of the
 * owning team (or the owning person) and admins change a service, and only they: the browser, the
 * API and imports all come through here. Every change records its history and publishes
 * {@code service.created} or {@code service.updated} in the same transaction.
 */
@Service
@Validated
@PreAuthorize("isAuthenticated()")
public class CatalogService {

    static final int CONTACTS_SHOWN = 12;
    static final int DEPENDANTS_SHOWN = 200;
    static final Duration FRESH = Duration.ofHours(24);

    private final CatalogServices services;
    private final CatalogRelations relations;
    private final CatalogEntities entities;
    private final ServiceChanges changes;
    private final PeopleDirectory people;
    private final Ownership ownership;
    private final CatalogOwners owners;
    private final TeamService teams;
    private final Callers callers;
    private final ServiceEvents events;
    private final CatalogJson json;
    private final Clock clock;
    private final Scorecards scorecards;

    CatalogService(CatalogServices services, CatalogRelations relations, CatalogEntities entities, ServiceChanges changes,
            PeopleDirectory people, Ownership ownership, CatalogOwners owners, TeamService teams, Callers callers, ServiceEvents events,
            CatalogJson json, Clock clock, Scorecards scorecards) {
        this.services = services;
        this.relations = relations;
        this.entities = entities;
        this.changes = changes;
        this.people = people;
        this.ownership = ownership;
        this.owners = owners;
        this.teams = teams;
        this.callers = callers;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.scorecards = scorecards;
    }

    /** Resolves a search text and filter once, for all pages of a list. */
    @Transactional(readOnly = true)
    public CatalogQuery query(String text, CatalogFilter filter) {
        ServiceFilter resolved = resolve(filter);
        CatalogServices.Resolved search = services.resolveCounting(text, resolved);
        return new CatalogQuery(search.terms(), resolved, search.count());
    }

    @Transactional(readOnly = true)
    public List<ServiceSummary> list(CatalogQuery query, CatalogServices.Sort sort, Pageable pageable) {
        return listScored(query, sort, pageable).stream().map(Scored::summary).toList();
    }

    /** A service of a page with its whole scorecard, which the page's query has already worked out. */
    record Scored(ServiceSummary summary, Scorecard scorecard) {
    }

    /** As {@link #list}, each service with every check of its scorecard, in the same queries. */
    @Transactional(readOnly = true)
    List<Scored> listScored(CatalogQuery query, CatalogServices.Sort sort, Pageable pageable) {
        CatalogServices.Page page = services.listCounting(query.terms, query.filter, sort, pageable.getOffset(),
                pageable.getPageSize());
        if (page.total() != null) {
            query.count = page.total();
        }
        Map<Long, Scorecards.Result> scores = scorecards.of(page.rows().stream().map(ServiceRow::id).toList(), freshSince());
        return page.rows().stream().map(r -> {
            Scorecards.Result score = scores.get(r.id());
            return new Scored(CatalogEntries.summary(r, score), score == null ? null : scorecard(r.name(), score));
        }).toList();
    }

    /** Counted once per query: its pages and its summary line agree, and the database is asked once. */
    @Transactional(readOnly = true)
    public long count(CatalogQuery query) {
        if (query.count == null) {
            query.count = services.count(query.terms, query.filter);
        }
        return query.count;
    }

    @Transactional(readOnly = true)
    public CatalogServices.FacetCounts facets(CatalogQuery query) {
        return services.facets(query.terms, query.filter);
    }

    private ServiceFilter resolve(CatalogFilter filter) {
        List<Long> teamIds = null;
        Long userId = null;
        if (filter.owner() != null && !filter.owner().isBlank()) {
            Owner owner = DraftChecks.findOwner(filter.owner(), owners)
                    .orElseThrow(() -> UserFacingException.invalidField("owner", "catalog.owner.unknown", filter.owner()));
            if (owner.kind() == Owner.Kind.TEAM) {
                teamIds = filter.includeChildTeams() ? people.subtree(owner.id()) : List.of(owner.id());
            } else {
                userId = owner.id();
            }
        }
        if (filter.mine()) {
            // mine: owned by one of my teams or by me; together with an owner, both must hold
            Caller caller = callers.current();
            List<Long> myTeams = caller.userId() == null ? List.of() : people.teamIdsOf(caller.userId());
            if (teamIds == null && userId == null) {
                teamIds = myTeams;
                userId = caller.userId();
            } else if (teamIds != null) {
                teamIds = teamIds.stream().filter(myTeams::contains).toList();
            } else if (!userId.equals(caller.userId())) {
                teamIds = List.of();
                userId = null;
            }
        }
        String tag = filter.tag() == null || filter.tag().isBlank() ? null : filter.tag().strip();
        String system = filter.system() == null || filter.system().isBlank() ? null : filter.system().strip();
        return new ServiceFilter(teamIds, userId, filter.lifecycle(), filter.tier(), tag, system, filter.missing(),
                filter.level(), filter.sloState(), freshSince());
    }

    @Transactional(readOnly = true)
    public CatalogEntry get(String name) {
        return entry(row(name));
    }

    /** Whether a service of this name is in the catalog: one lookup, for a page's status. */
    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return services.find(name).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<CatalogEntry> find(String name) {
        return services.find(name).map(this::entry);
    }

    @Transactional(readOnly = true)
    public ServiceDetails details(String name) {
        ServiceRow row = row(name);
        CatalogEntry entry = entry(row);
        List<Member> contacts;
        long contactCount;
        if (entry.owner().kind() == Owner.Kind.TEAM) {
            Page<Member> members = teams.members(entry.owner().key(), PageRequest.of(0, CONTACTS_SHOWN));
            contacts = members.getContent();
            contactCount = members.getTotalElements();
        } else if (entry.owner().kind() == Owner.Kind.PERSON) {
            contacts = owners.member(entry.owner().key()).stream().toList();
            contactCount = contacts.size();
        } else {
            contacts = List.of();
            contactCount = 0;
        }
        List<RelatedEntity> outgoing = relations.outgoing(row.id());
        EntityRow system = entry.system() == null ? null
                : entities.find(Refs.of("system", entry.namespace(), entry.system())).orElse(null);
        EntityRow domain = system == null || system.parentRef() == null ? null : entities.find(system.parentRef()).orElse(null);
        return new ServiceDetails(entry, mayEdit(callers.current(), row), contacts, contactCount,
                of(outgoing, Relation.DEPENDS_ON), relations.incoming(entry.ref(), DEPENDANTS_SHOWN).stream()
                        .filter(r -> r.relation() == Relation.DEPENDS_ON).toList(),
                of(outgoing, Relation.PROVIDES_API), of(outgoing, Relation.CONSUMES_API), system, domain);
    }

    private static List<RelatedEntity> of(List<RelatedEntity> related, Relation relation) {
        return related.stream().filter(r -> r.relation() == relation).toList();
    }

    /** Whether the caller may change the service: a member of the owning team, the owning person, or an admin. */
    @Transactional(readOnly = true)
    public boolean mayEdit(String name) {
        return mayEdit(callers.current(), row(name));
    }

    boolean mayEdit(Caller caller, ServiceRow row) {
        return mayEditOwnedBy(caller, row.ownerTeamId(), row.ownerUserId());
    }

    boolean mayEditOwnedBy(Caller caller, Long teamId, Long userId) {
        return ownership.mayChange(caller, teamId, userId);
    }

    /** Whether the caller may make {@code owner} the owner of something: one in Engawa that they may change for. */
    boolean mayOwn(Caller caller, Owner owner) {
        return owner.id() > 0 && mayEditOwnedBy(caller, owner.kind() == Owner.Kind.TEAM ? owner.id() : null,
                owner.kind() == Owner.Kind.PERSON ? owner.id() : null);
    }

    @Transactional
    public CatalogEntry create(@Valid ServiceDraft draft) {
        Caller caller = callers.current();
        ResolvedDraft resolved = DraftChecks.resolve(draft, Refs.DEFAULT_NAMESPACE, owners);
        Owner owner = resolved.owner();
        if (!mayEditOwnedBy(caller, owner.kind() == Owner.Kind.TEAM ? owner.id() : null,
                owner.kind() == Owner.Kind.PERSON ? owner.id() : null)) {
            throw UserFacingException.invalidField("owner", "catalog.create.notYourTeam", owner.name());
        }
        if (services.find(draft.name()).isPresent()) {
            throw UserFacingException.invalidField("name", "catalog.name.taken", draft.name());
        }
        long id = services.insert(values(resolved, Refs.DEFAULT_NAMESPACE, "{}"), clock.instant());
        relations.replace(id, resolved.relations());
        Map<String, FieldChange> changed = ChangeSet.between(null, CatalogEntries.canonical(resolved));
        changes.append(new ServiceChanges.NewChange(id, 1, caller.username(), ServiceChanges.Action.CREATED,
                json.write(changed)), clock.instant());
        CatalogEntry created = entry(services.findById(id).orElseThrow());
        events.created(created, caller.username(), "edit");
        return created;
    }

    /**
     * Saves a changed service if nobody changed it since {@code expectedVersion}.
     *
     * @throws ServiceEditConflict when someone did: with what they changed
     */
    @Transactional
    public CatalogEntry update(String name, long expectedVersion, @Valid ServiceDraft draft) {
        Caller caller = callers.current();
        ServiceRow row = row(name);
        if (!mayEdit(caller, row)) {
            throw UserFacingException.forbidden("catalog.edit.notOwner", CatalogEntries.ownerOf(row).name());
        }
        if (!row.name().equalsIgnoreCase(draft.name())) {
            throw UserFacingException.invalidField("name", "catalog.name.fixed", row.name());
        }
        ResolvedDraft resolved = DraftChecks.resolve(draft, row.namespace(), owners);
        CatalogEntry current = entry(row);
        Map<String, FieldChange> changed = ChangeSet.between(CatalogEntries.canonical(current), CatalogEntries.canonical(resolved));
        if (changed.isEmpty()) {
            return current;
        }
        Owner newOwner = resolved.owner();
        if (changed.containsKey("owner") && !mayEditOwnedBy(caller, newOwner.kind() == Owner.Kind.TEAM ? newOwner.id() : null,
                newOwner.kind() == Owner.Kind.PERSON ? newOwner.id() : null)) {
            // as on create: a service goes only to an owner the caller may act for, not to any team
            throw UserFacingException.invalidField("owner", "catalog.owner.notYours", newOwner.name());
        }
        if (row.version() != expectedVersion) {
            throw conflict(row, expectedVersion);
        }
        ServiceValues values = values(resolved, row.namespace(), row.annotationsJson());
        long version = services.update(row.id(), expectedVersion, values, clock.instant())
                .orElseThrow(() -> conflict(row(name), expectedVersion));
        relations.replace(row.id(), resolved.relations());
        changes.append(new ServiceChanges.NewChange(row.id(), version, caller.username(), ServiceChanges.Action.UPDATED,
                json.write(changed)), clock.instant());
        CatalogEntry updated = entry(services.findById(row.id()).orElseThrow());
        events.updated(updated, changed, caller.username(), "edit");
        return updated;
    }

    private ServiceEditConflict conflict(ServiceRow current, long expectedVersion) {
        return new ServiceEditConflict(entry(current), changes.since(current.id(), expectedVersion).stream()
                .map(this::change).toList());
    }

    @Transactional
    public void delete(String name, long expectedVersion) {
        Caller caller = callers.current();
        ServiceRow row = row(name);
        if (!mayEdit(caller, row)) {
            throw UserFacingException.forbidden("catalog.edit.notOwner", CatalogEntries.ownerOf(row).name());
        }
        if (!services.delete(row.id(), expectedVersion)) {
            throw conflict(row, expectedVersion);
        }
    }

    /** The common minimum for one service, checked against the catalog and its SLOs now. */
    @Transactional(readOnly = true)
    public Scorecard scorecard(String name) {
        ServiceRow row = row(name);
        Scorecards.Result result = scorecards.of(List.of(row.id()), freshSince()).get(row.id());
        return scorecard(row.name(), result);
    }

    static Scorecard scorecard(String service, Scorecards.Result result) {
        List<Scorecard.Check> checks = new ArrayList<>();
        for (ScorecardRule rule : ScorecardRule.values()) {
            checks.add(new Scorecard.Check(rule, result.passed().contains(rule)));
        }
        return new Scorecard(service, result.level(), checks);
    }

    /** The common minimum tallied per owning team, in one pass over the catalog. */
    @Transactional(readOnly = true)
    public List<Scorecards.Tally> scorecardReport() {
        return scorecards.byTeam(freshSince());
    }

    /** SLO data counts as current when it arrived within the last 24 hours. */
    Instant freshSince() {
        return clock.instant().minus(FRESH);
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<ChangeEntry> history(String name, Pageable pageable) {
        ServiceRow row = row(name);
        return changes.page(row.id(), pageable.getOffset(), pageable.getPageSize()).stream().map(this::change).toList();
    }

    @Transactional(readOnly = true)
    public long historySize(String name) {
        return changes.count(row(name).id());
    }

    /** Tags in use starting with {@code prefix}, for the filter and the form. */
    @Transactional(readOnly = true)
    public List<String> tags(String prefix, int limit) {
        return services.tags(prefix, limit);
    }

    /** Services, resources or APIs whose name looks like {@code text}, as short references, for pickers. */
    @Transactional(readOnly = true)
    public List<RefChoice> suggest(RefChoice.Field field, String text, int limit) {
        List<RefChoice> choices = new ArrayList<>();
        if (field == RefChoice.Field.DEPENDS_ON) {
            services.suggest(text, limit).forEach(s -> choices.add(new RefChoice(
                    Refs.compact(Refs.ofService(s.namespace(), s.name()), "component"), s.title(), "component")));
        }
        List<String> kinds = switch (field) {
            case DEPENDS_ON -> List.of("resource");
            case APIS -> List.of("api");
            case SYSTEM -> List.of("system");
        };
        entities.suggest(kinds, text, limit).forEach(e -> choices.add(new RefChoice(
                field == RefChoice.Field.SYSTEM ? e.name() : Refs.compact(e.ref(), field == RefChoice.Field.APIS ? "api" : "component"),
                e.title(), e.kind())));
        return choices.stream().limit(limit).toList();
    }

    ServiceRow row(String name) {
        return services.find(name).orElseThrow(() -> UserFacingException.notFound("catalog.service.notFound", name));
    }

    CatalogEntry entry(ServiceRow row) {
        Map<Relation, List<String>> refs = relations.of(List.of(row.id())).getOrDefault(row.id(), Map.of());
        return CatalogEntries.of(row, refs, json);
    }

    ChangeEntry change(ChangeRow row) {
        return new ChangeEntry(row.version(), row.changedAt(), row.actor(), row.actorName(), row.action(),
                json.readChanges(row.changesJson()));
    }

    ServiceValues values(ResolvedDraft resolved, String namespace, String annotationsJson) {
        ServiceDraft d = resolved.draft();
        Owner owner = resolved.owner();
        return new ServiceValues(namespace, d.name(), d.title(), d.description(), d.type(), d.lifecycle(), d.tier(),
                owner.kind() == Owner.Kind.TEAM ? owner.id() : null, owner.kind() == Owner.Kind.PERSON ? owner.id() : null,
                owner.kind() == Owner.Kind.PENDING ? owner.key() : null, d.system(), d.tags(), json.write(d.links()), annotationsJson, d.opsLinks());
    }
}
