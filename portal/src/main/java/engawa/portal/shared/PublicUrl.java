package engawa.portal.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach the portal, for links that leave it (webhook events): {@code ENGAWA_PUBLIC_URL},
 * else this machine's address and port, which only works on this machine.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(EngawaProperties properties, @Value("${server.port:8080}") int port) {
        String configured = properties.publicUrl();
        this.base = configured == null || configured.isBlank() ? "http://localhost:" + port
                : configured.strip().replaceAll("/+$", "");
    }

    /** @param path starting with {@code /} */
    public String of(String path) {
        return base + path;
    }
}
