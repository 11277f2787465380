package engawa.portal.shared;

import com.zaxxer.hikari.HikariDataSource;
import engawa.db.embedded.EmbeddedDatabase;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source: the external PostgreSQL named by {@code ENGAWA_DB_URL}, or else an embedded
 * PostgreSQL whose files live under {@code ENGAWA_DATA_DIR}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(EngawaProperties properties, ObjectProvider<EmbeddedDatabaseEarlyStart.Pending> earlyStart) {
        properties.db().requireOne();
        if (properties.db().isExternal()) {
            log.info("Using the external PostgreSQL at {}", withoutCredentials(properties.db().url()));
            HikariDataSource dataSource = new HikariDataSource();
            configurePool(dataSource, properties.db());
            dataSource.setJdbcUrl(properties.db().url());
            dataSource.setUsername(properties.db().user());
            dataSource.setPassword(properties.db().password());
            return dataSource;
        }
        EmbeddedDatabaseEarlyStart.Pending pending = earlyStart.getIfAvailable();
        EmbeddedDatabase embedded = pending != null ? awaitStart(pending)
                : EmbeddedDatabase.start(properties.dataDir().resolve("postgres"));
        EmbeddedBackedDataSource dataSource = new EmbeddedBackedDataSource(embedded);
        configurePool(dataSource, properties.db());
        dataSource.setJdbcUrl(embedded.jdbcUrl());
        dataSource.setUsername(embedded.username());
        dataSource.setPassword(embedded.password());
        return dataSource;
    }

    private static EmbeddedDatabase awaitStart(EmbeddedDatabaseEarlyStart.Pending pending) {
        try {
            return pending.database().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void configurePool(HikariDataSource dataSource, EngawaProperties.Db settings) {
        dataSource.setPoolName("engawa");
        dataSource.setMaximumPoolSize(10);
        // a request waits at most 5 s for a connection: with the database away, people and health
        // checks get a clear "not reachable" soon, instead of hanging for Hikari's default 30 s
        dataSource.setConnectionTimeout(5_000);
        // A connection cut off without being closed (packets dropped, a server failed over) answers
        // nothing, and the driver waits for ever by default: a request, or a background job's one
        // thread, would hang on it past the outage. Past the limit the connection is given up (the
        // pool drops it) and the caller hears "database not reachable". Settings in ENGAWA_DB_URL win.
        dataSource.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeoutSeconds()));
        dataSource.addDataSourceProperty("tcpKeepAlive", "true");
    }

    /**
     * Migrations connect without the pool's socket timeout: one may rightly run for minutes (an index
     * built on a large table), and cutting it would stop every start of the upgrade at the same step.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWaitAsLongAsTheyTake(DataSource dataSource) {
        return configuration -> {
            if (dataSource instanceof HikariDataSource pool) {
                configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }

    private static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Closes the pool first, then stops the server it was connected to. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {

        private final EmbeddedDatabase embedded;

        EmbeddedBackedDataSource(EmbeddedDatabase embedded) {
            this.embedded = embedded;
        }

        EmbeddedDatabase embedded() {
            return embedded;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                embedded.close();
            }
        }
    }
}
