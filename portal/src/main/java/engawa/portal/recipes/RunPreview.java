package engawa.portal.recipes;

import java.util.Map;

/**
 * Exactly what Run would send, with the signature and callback token masked.
 *
 * @param targetUrl for the recipe's owners; null for everyone else
 */
public record RunPreview(String targetUrl, Map<String, String> headers, String body) {
}
