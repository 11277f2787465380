package engawa.portal.shared;

/**
 * An incident id: what a person is shown when something unforeseen failed, and what the log
 * writes beside the details, so that an admin told the id finds them.
 */
public final class Incidents {

    private Incidents() {
    }

    public static String newId() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
