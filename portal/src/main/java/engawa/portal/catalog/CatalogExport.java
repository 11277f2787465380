package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.EntityRow;
import engawa.db.catalog.OpsLinkKind;
import engawa.db.catalog.Relation;
import engawa.db.catalog.ServiceRow;
import engawa.db.catalog.CatalogPeople;
import engawa.portal.people.PeopleImport;
import engawa.portal.catalog.backstage.OpsLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole catalog as {@code catalog-info.yaml} documents that Backstage's validators
 * accept: Groups (teams, with parents and children), Users (with the teams they are in),
 * Domains, Systems, Resources, APIs and Components. The standard ops links become links with a
 * {@code type}, the tier the label {@code engawa.dev/tier}. Written a page at a time, so the
 * size of the catalog does not decide the memory it takes.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CatalogExport {

    public static final String API_VERSION = "backstage.io/v1alpha1";
    private static final int PAGE = 500;
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final CatalogServices services;
    private final CatalogRelations relations;
    private final CatalogEntities entities;
    private final CatalogPeople catalogPeople;
    private final PeopleImport people;
    private final CatalogJson json;
    private final JsonMapper jsonMapper;

    CatalogExport(CatalogServices services, CatalogRelations relations, CatalogEntities entities,
            CatalogPeople catalogPeople, PeopleImport people,
            CatalogJson json, JsonMapper jsonMapper) {
        this.services = services;
        this.relations = relations;
        this.entities = entities;
        this.catalogPeople = catalogPeople;
        this.people = people;
        this.json = json;
        this.jsonMapper = jsonMapper;
    }

    /** One consistent snapshot (a read-only transaction), streamed to {@code out}. */
    @Transactional(readOnly = true)
    public void write(Writer out) {
        Yaml yaml = yaml();
        try {
            out.write("# The Engawa catalog, as Backstage catalog-info.yaml documents.\n");
            writeTeams(yaml, out);
            for (CatalogPeople.PersonInTeams person : catalogPeople.peopleForCatalog()) {
                document(yaml, out, user(person));
            }
            String after = "";
            for (List<EntityRow> page = entities.exportPage(after, PAGE); !page.isEmpty();
                    page = entities.exportPage(after, PAGE)) {
                for (EntityRow entity : page) {
                    document(yaml, out, entity(entity));
                }
                after = page.getLast().ref();
            }
            after = "";
            for (List<ServiceRow> page = services.exportPage(after, PAGE); !page.isEmpty();
                    page = services.exportPage(after, PAGE)) {
                Map<Long, Map<Relation, List<String>>> refs = relations.of(page.stream().map(ServiceRow::id).toList());
                for (ServiceRow service : page) {
                    document(yaml, out, component(service, refs.getOrDefault(service.id(), Map.of())));
                }
                after = page.getLast().name();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTeams(Yaml yaml, Writer out) throws IOException {
        Map<String, PeopleImport.Team> teams = people.teams();
        Map<Long, String> slugs = new HashMap<>();
        Map<Long, List<String>> children = new HashMap<>();
        teams.values().forEach(t -> slugs.put(t.id(), t.slug()));
        teams.values().stream().filter(t -> t.parentId() != null)
                .forEach(t -> children.computeIfAbsent(t.parentId(), id -> new ArrayList<>()).add("group:default/" + t.slug()));
        for (PeopleImport.Team team : teams.values().stream().sorted(java.util.Comparator.comparing(PeopleImport.Team::slug)).toList()) {
            Map<String, Object> metadata = metadata(team.slug(), null, team.description(), List.of(), List.of(), Map.of(),
                    Map.of());
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", "team");
            spec.put("profile", Map.of("displayName", team.name()));
            if (team.parentId() != null) {
                spec.put("parent", "group:default/" + slugs.get(team.parentId()));
            }
            spec.put("children", children.getOrDefault(team.id(), List.of()).stream().sorted().toList());
            document(yaml, out, entity("Group", metadata, spec));
        }
    }

    private Map<String, Object> user(CatalogPeople.PersonInTeams person) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", person.displayName());
        if (person.email() != null) {
            profile.put("email", person.email());
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("profile", profile);
        spec.put("memberOf", person.teamSlugs().stream().map(s -> "group:default/" + s).toList());
        return entity("User", metadata(person.username(), null, null, List.of(), List.of(), Map.of(), Map.of()), spec);
    }

    /** A pending owner goes out as it came in, so that it resolves wherever the file is imported next. */
    private static String ownerRef(String teamSlug, String username, String pending) {
        if (pending != null) {
            return CatalogEntries.pendingOwner(pending).entityRef();
        }
        return teamSlug != null ? "group:default/" + teamSlug : "user:default/" + username;
    }

    private Map<String, Object> entity(EntityRow row) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (row.type() != null) {
            spec.put("type", row.type());
        }
        if (row.lifecycle() != null) {
            spec.put("lifecycle", row.lifecycle());
        }
        spec.put("owner", ownerRef(row.ownerTeamSlug(), row.ownerUsername(), row.ownerPending()));
        if (row.parentRef() != null) {
            spec.put(row.kind().equals("system") ? "domain" : "system", row.parentRef());
        }
        spec.putAll(jsonMapper.readValue(row.specJson(), OBJECT));
        List<Map<String, Object>> links = json.readLinks(row.linksJson()).stream().map(l -> link(l.url(), l.title(), null))
                .toList();
        String kind = switch (row.kind()) {
            case "api" -> "API";
            default -> Character.toUpperCase(row.kind().charAt(0)) + row.kind().substring(1);
        };
        return entity(kind, row.namespace(), metadata(row.name(), row.title(), row.description(), row.tags(), links,
                json.readTexts(row.annotationsJson()), Map.of()), spec);
    }

    private Map<String, Object> component(ServiceRow row, Map<Relation, List<String>> refs) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            String url = row.opsLinks().get(kind);
            if (url != null) {
                links.add(link(url, OpsLinks.Kind.of(kind).title, OpsLinks.Kind.of(kind).linkType));
            }
        }
        json.readLinks(row.linksJson()).forEach(l -> links.add(link(l.url(), l.title(), null)));
        Map<String, String> labels = row.tier() == null ? Map.of() : Map.of("engawa.dev/tier", row.tier().toString());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", row.type());
        spec.put("lifecycle", row.lifecycle().id());
        spec.put("owner", ownerRef(row.ownerTeamSlug(), row.ownerUsername(), row.ownerPending()));
        if (row.systemName() != null) {
            spec.put("system", row.systemName());
        }
        putRefs(spec, "dependsOn", refs.get(Relation.DEPENDS_ON));
        putRefs(spec, "providesApis", refs.get(Relation.PROVIDES_API));
        putRefs(spec, "consumesApis", refs.get(Relation.CONSUMES_API));
        return entity("Component", row.namespace(), metadata(row.name(), row.title(), row.description(), row.tags(), links,
                json.readTexts(row.annotationsJson()), labels), spec);
    }

    private static void putRefs(Map<String, Object> spec, String field, List<String> refs) {
        if (refs != null && !refs.isEmpty()) {
            spec.put(field, refs);
        }
    }

    private static Map<String, Object> link(String url, String title, String type) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", url);
        if (title != null) {
            link.put("title", title);
        }
        if (type != null) {
            link.put("type", type);
        }
        return link;
    }

    private static Map<String, Object> metadata(String name, String title, String description, List<String> tags,
            List<Map<String, Object>> links, Map<String, String> annotations, Map<String, String> labels) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (title != null) {
            metadata.put("title", title);
        }
        if (description != null) {
            metadata.put("description", description);
        }
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        if (!tags.isEmpty()) {
            metadata.put("tags", tags);
        }
        if (!links.isEmpty()) {
            metadata.put("links", links);
        }
        return metadata;
    }

    private static Map<String, Object> entity(String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        return entity(kind, Refs.DEFAULT_NAMESPACE, metadata, spec);
    }

    private static Map<String, Object> entity(String kind, String namespace, Map<String, Object> metadata,
            Map<String, Object> spec) {
        if (!Refs.DEFAULT_NAMESPACE.equals(namespace)) {
            Map<String, Object> withNamespace = new LinkedHashMap<>();
            withNamespace.put("name", metadata.get("name"));
            withNamespace.put("namespace", namespace);
            withNamespace.putAll(metadata);
            metadata = withNamespace;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", API_VERSION);
        document.put("kind", kind);
        document.put("metadata", metadata);
        document.put("spec", spec);
        return document;
    }

    private static void document(Yaml yaml, Writer out, Map<String, Object> document) throws IOException {
        out.write("---\n");
        yaml.dump(document, out);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options);
    }
}
