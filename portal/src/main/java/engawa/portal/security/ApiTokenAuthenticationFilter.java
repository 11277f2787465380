package engawa.portal.security;

import engawa.portal.people.ApiTokenService;
import engawa.portal.people.Authorities;
import engawa.portal.people.TokenOwner;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>}. A missing header leaves the request anonymous (public
 * endpoints stay open); a header with an unusable token is refused at once with a problem that
 * says why, rather than falling through to a vaguer 401 later.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, ProblemResponses problems, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.problems = problems;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            problems.write(request, response, 401, "Unsupported authorization",
                    "Send an API token as 'Authorization: Bearer <token>'. Create one under 'API tokens' in the portal.");
            return;
        }
        Optional<TokenOwner> owner;
        try {
            owner = tokens.authenticate(header.substring(BEARER.length()).trim());
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            // the database is away: say so, rather than let the request fall through to a vaguer answer
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(request, response, 503, "Cannot check the token now",
                    "Engawa cannot reach its database to check API tokens. Try again in a minute.");
            return;
        }
        if (owner.isEmpty()) {
            problems.write(request, response, 401, "Invalid API token",
                    "This token is unknown, expired or revoked. Create a new one under 'API tokens' in the portal.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get().username(), null,
                Authorities.of(owner.get().role())));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
