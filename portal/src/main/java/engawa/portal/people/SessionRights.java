package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import engawa.db.people.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a browser session may go on: the person's rights as stored now against those the session
 * began with. A session ends when its person was disabled, got another role, or changed (or had
 * reset) their password after it began: each of these moves the person's session generation on,
 * and a session remembers the generation it began in. The rights are read from memory while every
 * change of rights is heard ({@link RightsCache}), else with one indexed query per request.
 */
@Component
public class SessionRights {

    /** The session attribute holding the generation its person's sessions were in at sign-in. */
    public static final String GENERATION = "engawa.sessionGeneration";

    private final ApiTokenLookup accounts;
    private final RightsCache cache;

    SessionRights(ApiTokenLookup accounts, RightsCache cache) {
        this.accounts = accounts;
        this.cache = cache;
    }

    /** The generation a session signing in now belongs to. */
    public int generation(String username) {
        return accounts.rights(username).map(ApiTokenLookup.Rights::sessionGeneration).orElse(0);
    }

    /**
     * @param sessionAdmin whether the session was granted the admin role
     * @param generation the generation the session began in, or null when not known (an older session)
     */
    public boolean goesOn(String username, boolean sessionAdmin, Integer generation) {
        Optional<ApiTokenLookup.Rights> rights = cache.rights(username, () -> accounts.rights(username));
        if (rights.isEmpty() || !rights.get().enabled() || (rights.get().role() == Role.ADMIN) != sessionAdmin) {
            return false;
        }
        return rights.get().sessionGeneration() == (generation == null ? 0 : generation);
    }
}
