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

    /**
     * @param embedded false where there is no embedded PostgreSQL to fall back on (the container
     *                 image sets {@code ENGAWA_DB_EMBEDDED=false}): then {@code url} is required
     */
    public record Db(String url, String user, String password, @DefaultValue("true") boolean embedded) {

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }

        /** Fails the start, saying what to set, when there is neither an external nor an embedded database. */
        public void requireOne() {
            if (!isExternal() && !embedded) {
                throw new IllegalStateException("No database: set ENGAWA_DB_URL (with ENGAWA_DB_USER and ENGAWA_DB_PASSWORD)"
                        + " to your PostgreSQL, e.g. jdbc:postgresql://db.example.com:5432/engawa. This installation has"
                        + " no embedded database (ENGAWA_DB_EMBEDDED=false).");
            }
        }
    }
}
