package engawa.portal.people;

import java.util.Locale;

/**
 * Someone with an account, as other features need them: to name them, to write to them, to check
 * they may still act.
 *
 * @param email null when the account has none
 * @param locale the language they chose, or null: then the browser's
 */
public record Person(long id, String username, String displayName, String email, boolean enabled, boolean admin,
        Locale locale) {
}
