package engawa.portal.people;

import engawa.db.people.ApiToken;
import java.time.Instant;

/** What a person sees of a token after it was created: never the token itself. */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    static ApiTokenSummary of(ApiToken token) {
        return new ApiTokenSummary(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
                token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt());
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
