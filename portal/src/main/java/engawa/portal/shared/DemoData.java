package engawa.portal.shared;

/**
 * Demo data of a feature, loaded after the demo people and teams, in the same transaction and as
 * the system, into an empty database only (see docs/decisions/004).
 */
public interface DemoData {

    void load();
}
