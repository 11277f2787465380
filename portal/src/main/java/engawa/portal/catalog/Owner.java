package engawa.portal.catalog;

/**
 * Who owns a service: a team (the usual case) or one person, as Backstage allows; or, after an
 * import, an owner a catalog file names that is not in Engawa yet ({@link Kind#PENDING}).
 *
 * @param id the team's or person's id; 0 for a pending owner
 * @param key the team's slug or the person's username; for a pending owner, how it was written
 *        ({@code group:team-a}, {@code user:jdoe} or a bare {@code team-a})
 * @param name the team's or the person's name, for people to read
 */
public record Owner(Kind kind, long id, String key, String name) {

    public enum Kind {
        TEAM, PERSON,
        /** Named in a catalog file, not in Engawa yet: only admins change what it owns until it arrives. */
        PENDING
    }

    /** An owner a catalog file names, from its reference as read: a bare name stays bare. */
    public static Owner pending(String kind, String name, boolean bare) {
        String key = bare ? name : kind + ":" + name;
        return new Owner(Kind.PENDING, 0, key, bare || kind.equals("group") ? name : key);
    }

    /** As written in forms, the API and catalog files: {@code payments} for a team, {@code user:kenji} for a person. */
    public String ref() {
        return switch (kind) {
            case TEAM -> key;
            case PERSON -> "user:" + key;
            case PENDING -> key.startsWith("group:") ? key.substring("group:".length()) : key;
        };
    }

    /** The Backstage entity reference, {@code group:default/payments} or {@code user:default/kenji}. */
    public String entityRef() {
        return switch (kind) {
            case TEAM -> "group:default/" + key;
            case PERSON -> "user:default/" + key;
            case PENDING -> key.contains(":") ? key.replaceFirst(":", ":default/") : key;
        };
    }
}
