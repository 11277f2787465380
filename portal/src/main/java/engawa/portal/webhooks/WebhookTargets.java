package engawa.portal.webhooks;

import engawa.integrations.webhooks.RefusedTargetException;
import engawa.integrations.webhooks.TargetGuard;
import engawa.portal.shared.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.stereotype.Component;

/**
 * Whether an address someone typed may receive webhooks: a complete URL, not too long, and one the
 * target guard allows. The same words for a subscription and for a recipe's target.
 */
@Component
public class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private final TargetGuard guard;

    WebhookTargets(TargetGuard guard) {
        this.guard = guard;
    }

    /**
     * @param field the form field to name in the refusal, or null for a refusal of the whole request
     * @throws UserFacingException saying what to fix
     */
    public URI check(String targetUrl, String field) {
        if (targetUrl == null || targetUrl.isBlank()) {
            throw refusal(field, "webhooks.target.missing");
        }
        String trimmed = targetUrl.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw refusal(field, "webhooks.target.tooLong", MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw refusal(field, "webhooks.target.malformed", trimmed);
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw refusal(field, "webhooks.target.malformed", trimmed);
        }
        try {
            guard.check(uri);
        } catch (RefusedTargetException e) {
            throw refusal(field, "webhooks.target.refused", e.getMessage());
        }
        return uri;
    }

    private static UserFacingException refusal(String field, String key, Object... arguments) {
        return field == null ? UserFacingException.invalid(key, arguments) : UserFacingException.invalidField(field, key, arguments);
    }
}
