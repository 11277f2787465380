package engawa.portal.catalog.backstage;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One valid entity of a {@code catalog-info.yaml}: the common metadata and its {@code spec}
 * as read (a map of plain values: strings, numbers, lists and maps only).
 */
public record BackstageEntity(String apiVersion, String kind, String namespace, String name, String title,
        String description, List<String> tags, List<Link> links, Map<String, String> labels,
        Map<String, String> annotations, Map<String, Object> spec) {

    /** A link as Backstage writes it; {@code type} and {@code icon} may be null. */
    public record Link(String url, String title, String type, String icon) {
    }

    public EntityRef ref() {
        return new EntityRef(kind.toLowerCase(Locale.ROOT), namespace, name);
    }

    /** A text field of {@code spec}, or null. */
    public String specText(String field) {
        Object value = spec.get(field);
        return value == null ? null : value.toString();
    }

    /** A list-of-texts field of {@code spec}, empty when absent. */
    public List<String> specList(String field) {
        return spec.get(field) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
