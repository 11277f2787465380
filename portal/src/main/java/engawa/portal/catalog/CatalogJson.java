package engawa.portal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The catalog's JSON columns: free links, kept annotations, and the history's changes. */
@Component
class CatalogJson {

    private static final TypeReference<List<ServiceLink>> LINKS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JsonMapper json;

    CatalogJson(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** Whether two stored JSON texts hold the same value, whatever their spacing and key order. */
    boolean same(String a, String b) {
        return json.readTree(a == null ? "null" : a).equals(json.readTree(b == null ? "null" : b));
    }

    List<ServiceLink> readLinks(String text) {
        return text == null || text.isBlank() ? List.of() : json.readValue(text, LINKS);
    }

    Map<String, String> readTexts(String text) {
        return text == null || text.isBlank() ? Map.of() : json.readValue(text, TEXTS);
    }

    /**
     * Changes in form order (title, description, ... as {@link ChangeSet#FIELDS}): jsonb keeps
     * an object's keys in its own order, not the order they were written in.
     */
    Map<String, FieldChange> readChanges(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, FieldChange> stored = json.readValue(text, CHANGES);
        Map<String, FieldChange> ordered = new java.util.LinkedHashMap<>();
        ChangeSet.FIELDS.stream().filter(stored::containsKey).forEach(f -> ordered.put(f, stored.get(f)));
        stored.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
