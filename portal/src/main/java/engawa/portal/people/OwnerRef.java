package engawa.portal.people;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How people write who owns something, the same in every form, file and API: a team's short name
 * ({@code payments}), a Backstage group reference ({@code group:payments},
 * {@code group:default/payments}) or a person ({@code user:kenji}, {@code user:default/kenji}).
 * Names compare regardless of case, as in Backstage.
 *
 * @param person true for {@code user:…}
 * @param name the team's short name or the person's username, lower case
 * @param bare written without a kind ({@code payments}), which a catalog file keeps as written
 */
public record OwnerRef(boolean person, String name, boolean bare) {

    /** Backstage's {@code [kind:][namespace/]name}, for the two kinds that own things. */
    private static final Pattern REF = Pattern.compile("^(?:(group|user):)?(?:([^:/]+)/)?([^:/]+)$",
            Pattern.CASE_INSENSITIVE);

    /** Empty for text that is no owner reference at all (blank, another kind such as {@code component:}). */
    public static Optional<OwnerRef> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var m = REF.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String kind = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new OwnerRef("user".equals(kind), m.group(3).toLowerCase(Locale.ROOT), kind == null));
    }

    /** As forms and the API show it: {@code payments} or {@code user:kenji}. */
    public String written() {
        return person ? "user:" + name : name;
    }
}
