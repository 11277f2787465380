package engawa.portal.people;

import engawa.db.people.Role;

/** Who a presented API token speaks for. */
public record TokenOwner(String username, Role role) {
}
