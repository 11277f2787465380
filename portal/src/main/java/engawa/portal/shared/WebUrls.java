package engawa.portal.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Addresses that a page may show as a link: absolute http or https with a host. Anything else
 * ({@code javascript:}, {@code data:}, a relative path) could run script or mislead when clicked.
 */
public final class WebUrls {

    public static final int MAX_LENGTH = 2000;

    private WebUrls() {
    }

    public static boolean isWebUrl(String text) {
        if (text == null || text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
