package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
import engawa.db.catalog.EntityRow;
import engawa.db.catalog.EntityValues;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.ParsedEntity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** System, Domain, Resource and API: what services refer to, kept with their owner and their place. */
@Component
class EntityPlanner {

    private final CatalogEntities entities;
    private final CatalogService catalog;
    private final CatalogJson json;
    private final JsonMapper jsonMapper;

    EntityPlanner(CatalogEntities entities, CatalogService catalog, CatalogJson json, JsonMapper jsonMapper) {
        this.entities = entities;
        this.catalog = catalog;
        this.json = json;
        this.jsonMapper = jsonMapper;
    }

    void check(ImportBatch batch, List<ParsedEntity> others) {
        Map<String, EntityRow> existing = entities.findByRefs(others.stream()
                .map(e -> e.entity().ref().toString().toLowerCase(Locale.ROOT)).toList());
        for (ParsedEntity parsed : others) {
            BackstageEntity e = parsed.entity();
            Optional<Owner> owner = DraftChecks.findOwner(e.specText("owner"), batch);
            if (owner.isEmpty()) {
                batch.problem(parsed, ImportMessages.unknownOwner(e.specText("owner")));
                continue;
            }
            EntityRow current = existing.get(e.ref().toString().toLowerCase(Locale.ROOT));
            if (!batch.run.caller.admin() && (!catalog.mayOwn(batch.run.caller, owner.get())
                    || (current != null && !catalog.mayEditOwnedBy(batch.run.caller, current.ownerTeamId(),
                            current.ownerUserId())))) {
                batch.problem(parsed, ImportMessages.notYours(current == null ? owner.get().name()
                        : Objects.requireNonNullElse(current.ownerTeamSlug(), current.ownerUsername())));
                continue;
            }
            if (owner.get().kind() == Owner.Kind.PENDING) {
                batch.run.tally.pending(parsed, "owner", e.specText("owner"),
                        ImportMessages.pendingOwner(e.specText("owner"), owner.get()));
            }
            EntityValues values = values(e, owner.get());
            Action action = current == null ? Action.CREATE : same(current.values(), values) ? Action.UNCHANGED
                    : Action.UPDATE;
            if (action != Action.UNCHANGED) {
                batch.entityWrites.add(values);
            }
            batch.run.tally.count(parsed, action, List.of());
        }
    }

    private EntityValues values(BackstageEntity e, Owner owner) {
        String kind = e.kind().toLowerCase(Locale.ROOT);
        String parentField = kind.equals("system") ? "domain" : "system";
        String parentRef = kind.equals("domain") || e.specText(parentField) == null ? null
                : Refs.normalise(e.specText(parentField), parentField, Set.of(parentField)).orElse(null);
        Map<String, Object> spec = new LinkedHashMap<>(e.spec());
        List.of("owner", "type", "lifecycle", "system", "domain").forEach(spec::remove);
        return new EntityValues(kind, e.namespace(), e.name(), e.title(), e.description(), e.specText("type"),
                e.specText("lifecycle"), owner.kind() == Owner.Kind.TEAM ? owner.id() : null,
                owner.kind() == Owner.Kind.PERSON ? owner.id() : null,
                owner.kind() == Owner.Kind.PENDING ? owner.key() : null, parentRef, e.tags(),
                json.write(e.links().stream().map(l -> new ServiceLink(l.url(), l.title())).toList()),
                json.write(e.annotations()), jsonMapper.writeValueAsString(spec));
    }

    void write(ImportBatch batch, Map<String, Long> newTeams, Map<String, Long> newUsers, Instant at) {
        entities.upsertAll(batch.entityWrites.stream().map(v -> new EntityValues(v.kind(), v.namespace(), v.name(),
                v.title(), v.description(), v.type(), v.lifecycle(), batch.realTeam(v.ownerTeamId(), newTeams),
                batch.realUser(v.ownerUserId(), newUsers), v.ownerPending(), v.parentRef(), v.tags(), v.linksJson(),
                v.annotationsJson(), v.specJson())).toList(), at);
    }

    private boolean same(EntityValues a, EntityValues b) {
        return Objects.equals(a.title(), b.title()) && Objects.equals(a.description(), b.description())
                && Objects.equals(a.type(), b.type()) && Objects.equals(a.lifecycle(), b.lifecycle())
                && Objects.equals(a.ownerTeamId(), b.ownerTeamId()) && Objects.equals(a.ownerUserId(), b.ownerUserId())
                && Objects.equals(a.ownerPending(), b.ownerPending())
                && Objects.equals(a.parentRef(), b.parentRef()) && a.tags().equals(b.tags()) && a.name().equals(b.name())
                && json.same(a.linksJson(), b.linksJson()) && json.same(a.annotationsJson(), b.annotationsJson())
                && json.same(a.specJson(), b.specJson());
    }
}
