package engawa.portal.shared;

import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach the portal, for links that leave it (webhook events, e-mails, the demo
 * workflow's callbacks): {@code ENGAWA_PUBLIC_URL}, else this machine's address and port, which
 * only works on this machine. An installation on its own database without it is told so at start:
 * its links would lead to localhost, and each of several instances would name itself.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final String base;
    private final boolean configured;

    PublicUrl(EngawaProperties properties, @Value("${server.port:8080}") int port) {
        String setting = properties.publicUrl();
        this.configured = setting != null && !setting.isBlank();
        this.base = configured ? setting.strip().replaceAll("/+$", "") : "http://localhost:" + port;
        if (!configured && properties.db() != null && properties.db().isExternal()) {
            log.warn("ENGAWA_PUBLIC_URL is not set: links in e-mails and webhook events will point to {}, which people"
                    + " elsewhere cannot open. Set it to the address people open Engawa at, such as"
                    + " https://engawa.example.com (the same for every instance).", base);
        }
    }

    /** An http or https address with a host, nothing after the path: what links can start with. */
    static boolean isAbsoluteWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether links lead only to this machine while a person opened the portal from elsewhere: no
     * {@code ENGAWA_PUBLIC_URL}, and the address they used (its host) is not this machine's loopback.
     */
    public boolean onlyHereWhileOpenedAt(String host) {
        return !configured && host != null && !host.isBlank() && !isLoopback(host);
    }

    private static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("[::1]") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** @param path starting with {@code /} */
    public String of(String path) {
        return base + path;
    }
}
