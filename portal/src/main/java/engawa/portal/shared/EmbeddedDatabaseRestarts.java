package engawa.portal.shared;

import engawa.db.embedded.EmbeddedDatabase;
import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded PostgreSQL again when it stopped by itself, so that the portal recovers
 * without being restarted: PostgreSQL stops to protect its files when its disk runs full. It is
 * started only once the disk has room again (the health report's threshold), as it would only stop
 * again; if starting fails all the same, the portal says so and an operator restarts it. Looked at
 * every few seconds, on a thread of its own (a start replays the log and may take a while). Nothing
 * to do with an external database, whose operator runs it.
 *
 * <p>A server that stops again soon after it was started had too little room after all (stopping
 * frees some, and a start replays its log into the same disk): each such stop doubles the pause
 * before the next start, from half a minute up to ten, rather than a start every few seconds.
 */
@Component
class EmbeddedDatabaseRestarts {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseRestarts.class);
    private static final long EVERY_SECONDS = 3;
    /** A stop this soon after a start counts as the same trouble coming back. */
    static final Duration SOON_AFTER_START = Duration.ofMinutes(2);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

    private final EmbeddedDatabase database;
    private final EngawaProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService watch;
    private volatile boolean gaveUp;
    // only the watch's one thread reads and writes these
    private Instant lastStart;
    private Instant stoppedSince;
    private Duration pause = Duration.ZERO;

    @Autowired
    EmbeddedDatabaseRestarts(DataSource dataSource, EngawaProperties properties, Clock clock) {
        this(dataSource instanceof DatabaseConfiguration.EmbeddedBackedDataSource embedded ? embedded.embedded() : null,
                properties, clock, true);
    }

    /** With {@code watching} false nobody calls {@link #restartIfStopped()} but the caller: for tests. */
    EmbeddedDatabaseRestarts(EmbeddedDatabase database, EngawaProperties properties, Clock clock, boolean watching) {
        this.database = database;
        this.properties = properties;
        this.clock = clock;
        if (database == null || !watching) {
            watch = null;
            return;
        }
        watch = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("embedded-database-watch").daemon().factory());
        watch.scheduleWithFixedDelay(this::restartIfStopped, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void restartIfStopped() {
        if (gaveUp) {
            return;
        }
        if (database.serverRunning()) {
            stoppedSince = null;
            return;
        }
        Instant now = clock.instant();
        if (stoppedSince == null) {
            stoppedSince = now;
            pause = pauseAfterStopAt(now);
        }
        if (now.isBefore(stoppedSince.plus(pause)) || !EmbeddedDiskHealth.hasRoom(properties)) {
            return; // the health report says DOWN and why; waiting for room, or for the pause to end
        }
        try {
            if (database.restartIfStopped()) {
                lastStart = clock.instant();
                stoppedSince = null;
            }
        } catch (UncheckedIOException | IllegalStateException failed) {
            gaveUp = true;
            log.error("The embedded PostgreSQL stopped and could not be started again; start Engawa again", failed);
        } catch (RuntimeException unexpected) {
            log.error("Could not check on the embedded PostgreSQL", unexpected);
        }
    }

    private Duration pauseAfterStopAt(Instant now) {
        if (lastStart == null || !now.isBefore(lastStart.plus(SOON_AFTER_START))) {
            return Duration.ZERO;
        }
        Duration longer = pause.isZero() ? FIRST_PAUSE : pause.multipliedBy(2);
        Duration next = longer.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : longer;
        log.warn("The embedded PostgreSQL stopped again {} s after it was started: its disk still has too little room;"
                + " next try in {} s", Duration.between(lastStart, now).toSeconds(), next.toSeconds());
        return next;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (watch != null) {
            watch.shutdownNow();
            watch.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
