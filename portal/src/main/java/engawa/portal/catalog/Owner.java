package engawa.portal.catalog;

/**
 * Who owns a service: a team (the usual case) or one person, as Backstage allows.
 *
 * @param key the team's slug or the person's username
 * @param name the team's or the person's name, for people to read
 */
public record Owner(Kind kind, long id, String key, String name) {

    public enum Kind {
        TEAM, PERSON
    }

    /** As written in forms, the API and catalog files: {@code payments} for a team, {@code user:kenji} for a person. */
    public String ref() {
        return kind == Kind.TEAM ? key : "user:" + key;
    }

    /** The Backstage entity reference, {@code group:default/payments} or {@code user:default/kenji}. */
    public String entityRef() {
        return (kind == Kind.TEAM ? "group" : "user") + ":default/" + key;
    }
}
