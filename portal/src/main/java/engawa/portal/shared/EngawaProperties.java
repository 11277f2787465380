package engawa.portal.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engawa's own settings, bound from environment variables such as {@code ENGAWA_DATA_DIR}
 * through Spring's relaxed binding. {@code secretKey} ({@code ENGAWA_SECRET_KEY}) encrypts stored
 * secrets such as webhook signing keys; see {@link SecretBox}. {@code publicUrl}
 * ({@code ENGAWA_PUBLIC_URL}) is where people reach the portal, for links in e-mails, calendar feeds
 * and webhook events.
 */
@ConfigurationProperties("engawa")
public record EngawaProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("true") boolean demoData,
        String adminToken,
        String secretKey,
        String publicUrl) {

    public EngawaProperties {
        if (publicUrl != null && !publicUrl.isBlank() && !PublicUrl.isAbsoluteWebAddress(publicUrl.strip())) {
            // every link that leaves the portal starts with it: refuse it before one goes out broken
            throw new IllegalArgumentException("ENGAWA_PUBLIC_URL is \"" + publicUrl + "\": give the address people open"
                    + " Engawa at, with http:// or https://, such as https://engawa.example.com");
        }
    }

    /**
     * @param embedded      false where there is no embedded PostgreSQL to fall back on (the container
     *                      image sets {@code ENGAWA_DB_EMBEDDED=false}): then {@code url} is required
     * @param socketTimeout how long a statement may wait for the database's answer before its
     *                      connection is given up ({@code ENGAWA_DB_SOCKET_TIMEOUT}; 0: for ever). A
     *                      network that drops packets, or a server that failed over, never closes a
     *                      connection: without a limit, whatever waits on one waits for ever
     */
    public record Db(String url, String user, String password, @DefaultValue("true") boolean embedded,
            @DefaultValue("60s") java.time.Duration socketTimeout) {

        /** {@code ENGAWA_DB_SOCKET_TIMEOUT} when it is not set. */
        public static final java.time.Duration DEFAULT_SOCKET_TIMEOUT = java.time.Duration.ofSeconds(60);

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Db {
            if (socketTimeout == null) {
                socketTimeout = DEFAULT_SOCKET_TIMEOUT;
            }
            if (socketTimeout.isNegative()) {
                throw new IllegalArgumentException("ENGAWA_DB_SOCKET_TIMEOUT is " + socketTimeout
                        + ": give a duration such as 60s, or 0 for no limit");
            }
        }

        /** With the default socket timeout. */
        public Db(String url, String user, String password, boolean embedded) {
            this(url, user, password, embedded, DEFAULT_SOCKET_TIMEOUT);
        }

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }

        /** The socket timeout in whole seconds, as the PostgreSQL driver takes it, a part of one rounded up; 0: none. */
        public int socketTimeoutSeconds() {
            long millis = socketTimeout.toMillis();
            return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
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
