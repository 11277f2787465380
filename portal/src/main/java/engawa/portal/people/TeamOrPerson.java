package engawa.portal.people;

/**
 * A team or a person that owns something, resolved from its {@link OwnerRef}.
 *
 * @param id the team's or the person's id
 * @param key the team's short name or the person's username
 * @param name for people to read
 */
public record TeamOrPerson(boolean person, long id, String key, String name) {

    /** As forms and the API show it: {@code payments} or {@code user:kenji}. */
    public String written() {
        return person ? "user:" + key : key;
    }

    public Long teamId() {
        return person ? null : id;
    }

    public Long userId() {
        return person ? id : null;
    }
}
