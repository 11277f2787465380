package engawa.portal.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engawa's own settings, bound from environment variables such as {@code ENGAWA_DATA_DIR}
 * through Spring's relaxed binding. {@code secretKey} ({@code ENGAWA_SECRET_KEY}) encrypts stored
 * secrets such as webhook signing keys; see {@link SecretBox}. {@code publicUrl}
 * ({@code ENGAWA_PUBLIC_URL}) is where people reach the portal, for links in webhook events.
 */
@ConfigurationProperties("engawa")
public record EngawaProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("true") boolean demoData,
        String adminToken,
        String secretKey,
        String publicUrl) {

    public record Db(String url, String user, String password) {

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }
    }
}
