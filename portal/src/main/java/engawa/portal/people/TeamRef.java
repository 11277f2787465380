package engawa.portal.people;

/** A team as other features refer to it: its id for their rows, its short name and name for people. */
public record TeamRef(long id, String slug, String name) {
}
