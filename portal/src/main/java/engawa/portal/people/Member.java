package engawa.portal.people;

import java.time.Instant;

public record Member(String username, String displayName, String email, Instant joinedAt) {
}
