package engawa.portal.catalog.backstage;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Backstage entity reference, {@code [kind:][namespace/]name}: owners are written as
 * {@code team-a}, {@code group:team-a}, {@code group:default/team-a} or {@code user:name}.
 * Kinds compare case-insensitively and are kept in lower case, as Backstage does.
 */
public record EntityRef(String kind, String namespace, String name) {

    public static final String DEFAULT_NAMESPACE = "default";
    private static final Pattern REF = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9]*):)?(?:([^:/]+)/)?([^:/]+)$");

    /**
     * Reads a reference; the kind and namespace default to the context's.
     *
     * @return empty when the text is not a reference at all
     */
    public static Optional<EntityRef> parse(String text, String defaultKind, String defaultNamespace) {
        if (text == null) {
            return Optional.empty();
        }
        var m = REF.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String kind = m.group(1) != null ? m.group(1) : defaultKind;
        String namespace = m.group(2) != null ? m.group(2) : defaultNamespace;
        return Optional.of(new EntityRef(kind == null ? null : kind.toLowerCase(Locale.ROOT),
                namespace == null ? DEFAULT_NAMESPACE : namespace, m.group(3)));
    }

    @Override
    public String toString() {
        return (kind == null ? "" : kind + ":") + namespace + "/" + name;
    }
}
