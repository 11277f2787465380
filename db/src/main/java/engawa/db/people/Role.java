package engawa.db.people;

/** What a person may do in the portal as a whole; edit rights on things come from team membership. */
public enum Role {
    ADMIN,
    MEMBER
}
