package engawa.portal.shared;

import com.zaxxer.hikari.HikariDataSource;
import engawa.db.embedded.EmbeddedDatabase;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
            configurePool(dataSource);
            dataSource.setJdbcUrl(properties.db().url());
            dataSource.setUsername(properties.db().user());
            dataSource.setPassword(properties.db().password());
            return dataSource;
        }
        EmbeddedDatabaseEarlyStart.Pending pending = earlyStart.getIfAvailable();
        EmbeddedDatabase embedded = pending != null ? awaitStart(pending)
                : EmbeddedDatabase.start(properties.dataDir().resolve("postgres"));
        EmbeddedBackedDataSource dataSource = new EmbeddedBackedDataSource(embedded);
        configurePool(dataSource);
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

    private static void configurePool(HikariDataSource dataSource) {
        dataSource.setPoolName("engawa");
        dataSource.setMaximumPoolSize(10);
        // a request waits at most 5 s for a connection: with the database away, people and health
        // checks get a clear "not reachable" soon, instead of hanging for Hikari's default 30 s
        dataSource.setConnectionTimeout(5_000);
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
