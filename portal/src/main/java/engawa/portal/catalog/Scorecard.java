package engawa.portal.catalog;

import java.util.List;

/**
 * The basics a service should have so that anyone can find who runs it and help when it breaks:
 * a description, a tier, someone to ask, and each standard ops link.
 *
 * @param checks in the order a page shows them
 */
public record Scorecard(String service, List<Check> checks) {

    /** @param key {@code description}, {@code tier}, {@code contact} or an ops link's key */
    public record Check(String key, boolean passed) {
    }

    public long passed() {
        return checks.stream().filter(Check::passed).count();
    }

    public int total() {
        return checks.size();
    }
}
