package engawa.portal.catalog;

import engawa.portal.catalog.backstage.EntityRef;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entity references as the catalog stores them: {@code kind:namespace/name}, lower case, because
 * Backstage compares references regardless of case. People may write the short forms
 * ({@code payments-api}, {@code resource:payments-db}); {@link #compact} gives those back.
 */
public final class Refs {

    public static final String DEFAULT_NAMESPACE = EntityRef.DEFAULT_NAMESPACE;
    private static final Pattern NAME = Pattern.compile(ServiceDraft.NAME_PATTERN);
    private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private Refs() {
    }

    /**
     * @return the stored form, or empty when the text is not a reference to one of {@code kinds}
     */
    public static Optional<String> normalise(String text, String defaultKind, Set<String> kinds) {
        return EntityRef.parse(text, defaultKind, DEFAULT_NAMESPACE)
                .filter(ref -> ref.kind() != null && kinds.contains(ref.kind()))
                .filter(ref -> NAME.matcher(ref.name()).matches() && ref.name().length() <= ServiceDraft.NAME_MAX_LENGTH)
                .filter(ref -> NAMESPACE.matcher(ref.namespace().toLowerCase(Locale.ROOT)).matches())
                .map(ref -> of(ref.kind(), ref.namespace(), ref.name()));
    }

    public static String of(String kind, String namespace, String name) {
        return (kind + ":" + namespace + "/" + name).toLowerCase(Locale.ROOT);
    }

    public static String ofService(String namespace, String name) {
        return of("component", namespace, name);
    }

    /** The shortest form that reads back to the same reference, given the field's usual kind. */
    public static String compact(String ref, String defaultKind) {
        String kind = ref.substring(0, ref.indexOf(':'));
        String rest = ref.substring(ref.indexOf(':') + 1);
        if (rest.startsWith(DEFAULT_NAMESPACE + "/")) {
            rest = rest.substring(DEFAULT_NAMESPACE.length() + 1);
        }
        return kind.equals(defaultKind) ? rest : kind + ":" + rest;
    }

    public static String kind(String ref) {
        return ref.substring(0, ref.indexOf(':'));
    }

    public static String name(String ref) {
        return ref.substring(ref.indexOf('/') + 1);
    }
}
