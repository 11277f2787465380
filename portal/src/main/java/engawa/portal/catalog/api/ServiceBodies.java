package engawa.portal.catalog.api;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.ServiceLink;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service from a JSON body: the whole service for POST and PUT, some fields for PATCH
 * (JSON merge patch: a field set to null is cleared). A field of the wrong shape is a field
 * problem; an unknown field is one too, so a typo does not silently do nothing.
 */
final class ServiceBodies {

    static final Set<String> FIELDS = Set.of("name", "title", "description", "type", "lifecycle", "tier", "owner", "system",
            "tags", "links", "opsLinks", "dependsOn", "providesApis", "consumesApis");
    /** What GET returns but a write ignores. */
    static final Set<String> READ_ONLY = Set.of("namespace", "ownerName", "createdAt", "updatedAt", "version", "url");

    private ServiceBodies() {
    }

    static JsonNode object(JsonMapper json, String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw UserFacingException.invalid("catalog.api.body.notJson");
            }
            return node;
        } catch (JacksonException e) {
            throw UserFacingException.invalid("catalog.api.body.notJson");
        }
    }

    /** @param base the service as it is, for a patch; null for a whole service */
    static ServiceDraft draft(JsonNode body, ServiceDraft base) {
        List<FieldProblem> problems = new ArrayList<>();
        body.propertyNames().forEach(field -> {
            if (!FIELDS.contains(field) && !READ_ONLY.contains(field)) {
                problems.add(new FieldProblem(field, "catalog.api.field.unknown", field,
                        FIELDS.stream().sorted().collect(Collectors.joining(", "))));
            }
        });
        Reader r = new Reader(body, base == null, problems);
        ServiceDraft d = new ServiceDraft(
                r.text("name", base == null ? null : base.name()),
                r.text("title", base == null ? null : base.title()),
                r.text("description", base == null ? null : base.description()),
                r.text("type", base == null ? "service" : base.type()),
                r.lifecycle(base == null ? null : base.lifecycle()),
                r.tier(base == null ? null : base.tier()),
                r.text("owner", base == null ? null : base.owner()),
                r.text("system", base == null ? null : base.system()),
                r.texts("tags", base == null ? List.of() : base.tags()),
                r.links(base == null ? List.of() : base.links()),
                r.opsLinks(base == null ? Map.of() : base.opsLinks()),
                r.texts("dependsOn", base == null ? List.of() : base.dependsOn()),
                r.texts("providesApis", base == null ? List.of() : base.providesApis()),
                r.texts("consumesApis", base == null ? List.of() : base.consumesApis()));
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        return d;
    }

    private record Reader(JsonNode body, boolean whole, List<FieldProblem> problems) {

        /** The field's value when present, else the base's (a patch) or nothing (a whole service). */
        private JsonNode field(String name) {
            return body.get(name);
        }

        String text(String name, String base) {
            JsonNode value = field(name);
            if (value == null) {
                return base;
            }
            if (value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                problems.add(new FieldProblem(name, "catalog.api.field.notText"));
                return base;
            }
            return value.asString();
        }

        Lifecycle lifecycle(Lifecycle base) {
            String text = text("lifecycle", base == null ? null : base.id());
            if (text == null) {
                return null;
            }
            return Lifecycle.parse(text).orElseGet(() -> {
                problems.add(new FieldProblem("lifecycle", "catalog.api.lifecycle.unknown", text));
                return null;
            });
        }

        Integer tier(Integer base) {
            JsonNode value = field("tier");
            if (value == null) {
                return base;
            }
            if (value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber()) {
                problems.add(new FieldProblem("tier", "validation.tier.range"));
                return base;
            }
            return value.asInt();
        }

        List<String> texts(String name, List<String> base) {
            JsonNode value = field(name);
            if (value == null) {
                return base;
            }
            if (value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problems.add(new FieldProblem(name, "catalog.api.field.notTextList"));
                return base;
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isString()) {
                    problems.add(new FieldProblem(name + "[" + i + "]", "catalog.api.field.notText"));
                } else {
                    texts.add(value.get(i).asString());
                }
            }
            return texts;
        }

        List<ServiceLink> links(List<ServiceLink> base) {
            JsonNode value = field("links");
            if (value == null) {
                return base;
            }
            if (value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problems.add(new FieldProblem("links", "catalog.api.links.shape"));
                return base;
            }
            List<ServiceLink> links = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode link = value.get(i);
                if (!link.isObject() || link.get("url") == null || !link.get("url").isString()
                        || (link.get("title") != null && !link.get("title").isNull() && !link.get("title").isString())) {
                    problems.add(new FieldProblem("links[" + i + "]", "catalog.api.links.shape"));
                    continue;
                }
                JsonNode title = link.get("title");
                links.add(new ServiceLink(link.get("url").asString(), title == null || title.isNull() ? null : title.asString()));
            }
            return links;
        }

        Map<OpsLinkKind, String> opsLinks(Map<OpsLinkKind, String> base) {
            JsonNode value = field("opsLinks");
            if (value == null) {
                return base;
            }
            if (value.isNull()) {
                return Map.of();
            }
            if (!value.isObject()) {
                problems.add(new FieldProblem("opsLinks", "catalog.api.opsLinks.shape", keys()));
                return base;
            }
            // a patch of opsLinks merges too: kinds it does not name stay as they are
            Map<OpsLinkKind, String> links = new EnumMap<>(OpsLinkKind.class);
            if (!whole) {
                links.putAll(base);
            }
            value.propertyNames().forEach(key -> {
                OpsLinkKind kind = Arrays.stream(OpsLinkKind.values()).filter(k -> k.key.equals(key)).findFirst().orElse(null);
                JsonNode url = value.get(key);
                if (kind == null) {
                    problems.add(new FieldProblem("opsLinks." + key, "catalog.api.opsLinks.unknown", key, keys()));
                } else if (url.isNull()) {
                    links.remove(kind);
                } else if (!url.isString()) {
                    problems.add(new FieldProblem("opsLinks." + key, "catalog.api.field.notText"));
                } else {
                    links.put(kind, url.asString());
                }
            });
            return links;
        }

        private static String keys() {
            return Arrays.stream(OpsLinkKind.values()).map(k -> k.key).collect(Collectors.joining(", "));
        }
    }
}
