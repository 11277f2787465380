package engawa.portal.recipes;

import java.util.Map;

/**
 * Exactly what Run would send, with the signature and callback token masked.
 *
 * @param targetUrl for the recipe's owners; null for everyone else
 */
public record RunPreview(String targetUrl, Map<String, String> headers, String body) {

    /**
     * Stands where the event id will be: each run gets its own. The API speaks English; a page may
     * put the reader's words in its place.
     */
    public static final String NEW_ID_EACH_RUN = "(a new id for every run)";
}
