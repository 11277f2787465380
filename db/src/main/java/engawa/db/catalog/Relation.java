package engawa.db.catalog;

/** What a service says about another entity: it needs it, offers it or uses it. */
public enum Relation {
    DEPENDS_ON, PROVIDES_API, CONSUMES_API
}
