package engawa.portal.catalog;

import engawa.db.catalog.OpsLinkKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two versions of a service, field by field, as the history, the webhook
 * events and the edit-conflict message show it. Field names are the API's.
 */
final class ChangeSet {

    /** Every field a person can change, in the order a form shows them. */
    static final List<String> FIELDS = fields();

    private ChangeSet() {
    }

    private static List<String> fields() {
        List<String> names = new java.util.ArrayList<>(List.of("title", "description", "type", "lifecycle", "tier",
                "owner", "system", "tags"));
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            names.add(kind.key);
        }
        names.addAll(List.of("links", "dependsOn", "providesApis", "consumesApis"));
        return List.copyOf(names);
    }

    /** The fields that differ; empty when nothing does. {@code before} may be null for a new service. */
    static Map<String, FieldChange> between(ServiceDraft before, ServiceDraft after) {
        Map<String, String> from = before == null ? Map.of() : texts(before);
        Map<String, String> to = texts(after);
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String a = from.getOrDefault(field, "");
            String b = to.getOrDefault(field, "");
            if (!a.equals(b)) {
                changes.put(field, new FieldChange(a, b));
            }
        }
        return changes;
    }

    static Map<String, String> texts(ServiceDraft d) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", text(d.title()));
        texts.put("description", text(d.description()));
        texts.put("type", text(d.type()));
        texts.put("lifecycle", d.lifecycle() == null ? "" : d.lifecycle().id());
        texts.put("tier", d.tier() == null ? "" : d.tier().toString());
        texts.put("owner", text(d.owner()));
        texts.put("system", text(d.system()));
        texts.put("tags", join(d.tags(), Function.identity()));
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            texts.put(kind.key, text(d.opsLinks().get(kind)));
        }
        texts.put("links", join(d.links(), l -> l.title() == null ? l.url() : l.title() + " <" + l.url() + ">"));
        texts.put("dependsOn", join(d.dependsOn().stream().map(String::toLowerCase).sorted().toList(), Function.identity()));
        texts.put("providesApis", join(d.providesApis().stream().map(String::toLowerCase).sorted().toList(), Function.identity()));
        texts.put("consumesApis", join(d.consumesApis().stream().map(String::toLowerCase).sorted().toList(), Function.identity()));
        return texts;
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static <T> String join(List<T> values, Function<T, String> asText) {
        return values.stream().map(asText).collect(Collectors.joining(", "));
    }
}
