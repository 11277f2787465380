package engawa.portal.people;

import engawa.db.people.ApiToken;
import engawa.db.people.ApiTokenLookup;
import engawa.db.people.ApiTokenRepository;
import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.EngawaProperties;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiTokenService {

    /** The name under which requests made with {@code ENGAWA_ADMIN_TOKEN} act. */
    /** Not a possible username (those start with a letter or digit), so no account can ever be the admin token. */
    public static final String ADMIN_TOKEN_PRINCIPAL = "#admin-token";
    /** Recording every use would write on every API call; once a minute tells a person enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final ApiTokenLookup lookup;
    private final RightsCache cache;
    private final Clock clock;
    private final String adminToken;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, ApiTokenLookup lookup, RightsCache cache,
            Clock clock, EngawaProperties properties) {
        this.lookup = lookup;
        this.cache = cache;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.adminToken = properties.adminToken() == null || properties.adminToken().isBlank() ? null : properties.adminToken();
    }

    @PreAuthorize("#username == authentication.name")
    @Transactional
    public NewApiToken create(String username, String name, Instant expiresAt) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw UserFacingException.invalid("validation.tokenName.required");
        }
        if (trimmed.length() > ApiToken.NAME_MAX_LENGTH) {
            throw UserFacingException.invalid("validation.tokenName.size");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw UserFacingException.invalid("validation.tokenExpiry.past");
        }
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        String token = ApiTokenCodec.newToken();
        ApiToken saved = tokens.save(new ApiToken(user, trimmed, ApiTokenCodec.hash(token),
                ApiTokenCodec.visiblePrefix(token), now, expiresAt));
        return new NewApiToken(token, ApiTokenSummary.of(saved));
    }

    @PreAuthorize("#username == authentication.name or hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<ApiTokenSummary> list(String username, Pageable pageable) {
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        return tokens.findByUserOrderByCreatedAtDesc(user, pageable).map(ApiTokenSummary::of);
    }

    @PreAuthorize("#username == authentication.name or hasRole('ADMIN')")
    @Transactional
    public void revoke(String username, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getUser().getUsername().equals(username))
                .orElseThrow(() -> UserFacingException.notFound("people.token.notFound"));
        token.revoke(clock.instant());
    }

    /**
     * Whose token this is, if it is known, not expired, not revoked and its owner still enabled.
     * Every API request asks this first: from memory while every change of rights is heard
     * ({@link RightsCache}), else one plain SQL query outside a transaction.
     */
    public Optional<TokenOwner> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        if (adminToken != null && ApiTokenCodec.sameSecret(presented, adminToken)) {
            return Optional.of(new TokenOwner(ADMIN_TOKEN_PRINCIPAL, Role.ADMIN));
        }
        if (!presented.startsWith(ApiTokenCodec.PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = ApiTokenCodec.hash(presented);
        return cache.token(hash, () -> lookup.find(hash))
                .filter(t -> t.usableAt(now))
                .map(t -> {
                    if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                        lookup.touch(t.tokenId(), now);
                        cache.tokenUsed(hash, t.usedAt(now));
                    }
                    return new TokenOwner(t.username(), t.role());
                });
    }
}
