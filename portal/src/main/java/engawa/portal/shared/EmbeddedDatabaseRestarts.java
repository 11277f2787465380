package engawa.portal.shared;

import engawa.db.embedded.EmbeddedDatabase;
import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded PostgreSQL again when it stopped by itself, so that the portal recovers
 * without being restarted: PostgreSQL stops to protect its files when its disk runs full. It is
 * started only once the disk has room again (the health report's threshold), as it would only stop
 * again; if starting fails all the same, the portal says so and an operator restarts it. Looked at
 * every few seconds, on a thread of its own (a start replays the log and may take a while). Nothing
 * to do with an external database, whose operator runs it.
 */
@Component
class EmbeddedDatabaseRestarts {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseRestarts.class);
    private static final long EVERY_SECONDS = 3;

    private final EmbeddedDatabase database;
    private final EngawaProperties properties;
    private final ScheduledExecutorService watch;
    private volatile boolean gaveUp;

    EmbeddedDatabaseRestarts(DataSource dataSource, EngawaProperties properties) {
        this.database = dataSource instanceof DatabaseConfiguration.EmbeddedBackedDataSource embedded ? embedded.embedded() : null;
        this.properties = properties;
        if (database == null) {
            watch = null;
            return;
        }
        watch = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("embedded-database-watch").daemon().factory());
        watch.scheduleWithFixedDelay(this::restartIfStopped, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void restartIfStopped() {
        if (gaveUp || database.serverRunning()) {
            return;
        }
        if (!EmbeddedDiskHealth.hasRoom(properties)) {
            return; // the health report says DOWN and why; waiting for room
        }
        try {
            database.restartIfStopped();
        } catch (UncheckedIOException | IllegalStateException failed) {
            gaveUp = true;
            log.error("The embedded PostgreSQL stopped and could not be started again; start Engawa again", failed);
        } catch (RuntimeException unexpected) {
            log.error("Could not check on the embedded PostgreSQL", unexpected);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (watch != null) {
            watch.shutdownNow();
            watch.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
