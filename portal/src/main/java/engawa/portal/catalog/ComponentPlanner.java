package engawa.portal.catalog;

import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.Relation;
import engawa.db.catalog.ServiceChanges;
import engawa.db.catalog.ServiceRow;
import engawa.db.catalog.ServiceValues;
import engawa.portal.catalog.ImportBatch.PlannedService;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.EntityRef;
import engawa.portal.catalog.backstage.OpsLinks;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.shared.FieldPaths;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Backstage Components become services: checked by the same rules as a service written in the
 * portal, compared field by field with the service as it is, written with a history entry and a
 * {@code service.created} or {@code service.updated} each.
 */
@Component
class ComponentPlanner {

    private final CatalogServices services;
    private final CatalogRelations relations;
    private final ServiceChanges changes;
    private final CatalogService catalog;
    private final ServiceEvents events;
    private final CatalogJson json;
    private final Validator validator;

    ComponentPlanner(CatalogServices services, CatalogRelations relations, ServiceChanges changes, CatalogService catalog,
            ServiceEvents events, CatalogJson json, Validator validator) {
        this.services = services;
        this.relations = relations;
        this.changes = changes;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
        this.validator = validator;
    }

    void check(ImportBatch batch, List<ParsedEntity> components) {
        Map<String, ServiceRow> existing = services.findByNames(components.stream().map(c -> c.entity().name()).toList(),
                true);
        Map<Long, Map<Relation, List<String>>> existingRelations = relations.of(
                existing.values().stream().map(ServiceRow::id).toList());
        for (ParsedEntity component : components) {
            check(batch, component, existing, existingRelations);
        }
    }

    private void check(ImportBatch batch, ParsedEntity component, Map<String, ServiceRow> existing,
            Map<Long, Map<Relation, List<String>>> existingRelations) {
        BackstageEntity e = component.entity();
        if (DraftChecks.findOwner(e.specText("owner"), batch).isEmpty()) {
            batch.problem(component, ImportMessages.unknownOwner(e.specText("owner")));
            return;
        }
        Optional<Lifecycle> lifecycle = Lifecycle.parse(e.specText("lifecycle"));
        if (lifecycle.isEmpty()) {
            batch.problem(component, "spec.lifecycle \"" + e.specText("lifecycle") + "\" is not one Engawa knows: write"
                    + " experimental, production or deprecated.");
            return;
        }
        ServiceDraft draft = draft(e, lifecycle.get());
        Set<ConstraintViolation<ServiceDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            batch.problem(component, violations.stream().sorted(Comparator.comparing(v -> FieldPaths.below(v)))
                    .map(v -> ImportMessages.fieldName(FieldPaths.below(v)) + ": " + ImportMessages.english(v.getMessage()))
                    .collect(Collectors.joining("; ")));
            return;
        }
        ResolvedDraft resolved;
        try {
            resolved = DraftChecks.resolve(draft, e.namespace(), batch);
        } catch (UserFacingException refusal) {
            batch.problem(component, refusal.fieldProblems().stream()
                    .map(p -> ImportMessages.fieldName(p.field()) + ": " + p.messageIn(Translations.ENGLISH))
                    .collect(Collectors.joining("; ")));
            return;
        }
        ServiceRow current = existing.get(e.name().toLowerCase(Locale.ROOT));
        if (current != null && !current.namespace().equals(e.namespace())) {
            batch.problem(component, "A service named " + current.name() + " is already in the catalog, in namespace "
                    + current.namespace() + ". Service names are unique across namespaces in Engawa; rename one.");
            return;
        }
        if (!batch.run.caller.admin() && (!catalog.mayOwn(batch.run.caller, resolved.owner())
                || (current != null && !catalog.mayEdit(batch.run.caller, current)))) {
            batch.problem(component, ImportMessages.notYours(current == null ? resolved.owner().name()
                    : CatalogEntries.ownerOf(current).name()));
            return;
        }
        if (resolved.owner().kind() == Owner.Kind.PENDING) {
            batch.run.tally.pending(component, "owner", e.specText("owner"),
                    ImportMessages.pendingOwner(e.specText("owner"), resolved.owner()));
        }
        plan(batch, component, resolved, current, existingRelations);
    }

    private void plan(ImportBatch batch, ParsedEntity component, ResolvedDraft resolved, ServiceRow current,
            Map<Long, Map<Relation, List<String>>> existingRelations) {
        String annotations = json.write(component.entity().annotations());
        if (current == null) {
            batch.serviceWrites.add(new PlannedService(component, resolved, annotations, null,
                    ChangeSet.between(null, CatalogEntries.canonical(resolved))));
            batch.run.tally.count(component, Action.CREATE, List.of());
            return;
        }
        CatalogEntry entry = CatalogEntries.of(current, existingRelations.getOrDefault(current.id(), Map.of()), json);
        Map<String, FieldChange> changed = new LinkedHashMap<>(ChangeSet.between(CatalogEntries.canonical(entry),
                CatalogEntries.canonical(resolved)));
        if (!json.same(current.annotationsJson(), annotations)) {
            changed.put("annotations", new FieldChange("", ""));
        }
        if (changed.isEmpty()) {
            batch.run.tally.count(component, Action.UNCHANGED, List.of());
            return;
        }
        batch.serviceWrites.add(new PlannedService(component, resolved, annotations, current, changed));
        batch.run.tally.count(component, Action.UPDATE, List.copyOf(changed.keySet()));
    }

    private static ServiceDraft draft(BackstageEntity e, Lifecycle lifecycle) {
        OpsLinks.Sorted links = OpsLinks.sort(e.links().stream()
                .map(l -> new OpsLinks.Link(l.url(), l.title(), l.type(), l.icon())).toList(), e.annotations());
        String system = e.specText("system") == null ? null : EntityRef.parse(e.specText("system"), "system",
                e.namespace()).map(EntityRef::name).orElse(e.specText("system"));
        return new ServiceDraft(e.name(), e.title(), e.description(), e.specText("type"), lifecycle, tier(e),
                e.specText("owner"), system, e.tags(),
                links.otherLinks().stream().map(l -> new ServiceLink(l.url(), l.title())).toList(), links.opsLinks(),
                e.specList("dependsOn"), e.specList("providesApis"), e.specList("consumesApis"));
    }

    /** Backstage has no tier; Engawa writes it as the label engawa.dev/tier and reads common spellings. */
    private static Integer tier(BackstageEntity e) {
        for (String text : new String[] {e.labels().get("engawa.dev/tier"), e.labels().get("tier"),
                e.annotations().get("engawa.dev/tier")}) {
            if (text != null) {
                String digits = text.replaceAll("[^0-9]", "");
                if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4') {
                    return digits.charAt(0) - '0';
                }
            }
        }
        return null;
    }

    void write(ImportBatch batch, Map<String, Long> newTeams, Map<String, Long> newUsers, Instant at, String actor) {
        List<ServiceValues> inserts = new ArrayList<>();
        Map<Long, ServiceValues> updates = new LinkedHashMap<>();
        for (PlannedService s : batch.serviceWrites) {
            ServiceValues v = catalog.values(s.resolved(), s.source().entity().namespace(), s.annotationsJson());
            ServiceValues real = new ServiceValues(v.namespace(), v.name(), v.title(), v.description(), v.type(),
                    v.lifecycle(), v.tier(), batch.realTeam(v.ownerTeamId(), newTeams), batch.realUser(v.ownerUserId(),
                    newUsers), v.ownerPending(), v.systemName(), v.tags(), v.linksJson(), v.annotationsJson(), v.opsLinks());
            if (s.current() == null) {
                inserts.add(real);
            } else {
                updates.put(s.current().id(), real);
            }
        }
        Map<String, Long> ids = services.insertAll(inserts, at);
        services.updateAll(updates, at);
        Map<Long, Map<Relation, List<String>>> newRefs = new HashMap<>();
        Map<Long, Map<Relation, List<String>>> changedRefs = new HashMap<>();
        List<ServiceChanges.NewChange> history = new ArrayList<>();
        List<ResolvedDraft> created = new ArrayList<>();
        List<Map.Entry<ResolvedDraft, Map<String, FieldChange>>> updated = new ArrayList<>();
        for (PlannedService s : batch.serviceWrites) {
            long id = s.current() == null ? ids.get(s.resolved().draft().name().toLowerCase(Locale.ROOT)) : s.current().id();
            long version = s.current() == null ? 1 : s.current().version() + 1;
            (s.current() == null ? newRefs : changedRefs).put(id, s.resolved().relations());
            history.add(new ServiceChanges.NewChange(id, version, actor, ServiceChanges.Action.IMPORTED,
                    json.write(s.changes())));
            if (s.current() == null) {
                created.add(s.resolved());
            } else {
                updated.add(Map.entry(s.resolved(), s.changes()));
            }
        }
        relations.insertAll(newRefs);
        relations.replaceAll(changedRefs);
        changes.appendAll(history, at);
        events.createdAll(created, actor);
        events.updatedAll(updated, actor);
    }
}
