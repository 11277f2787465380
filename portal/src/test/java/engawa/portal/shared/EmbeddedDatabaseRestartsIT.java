package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.embedded.EmbeddedDatabase;
import engawa.portal.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server stopping by itself (as on a full disk) and the portal starting it again: at
 * once the first time, and with a growing pause when it keeps stopping soon after each start.
 * A real PostgreSQL whose postmaster is killed; the clock is the test's.
 */
class EmbeddedDatabaseRestartsIT {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock();

    @Test
    void a_server_that_keeps_stopping_soon_after_each_start_is_started_again_after_a_growing_pause() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"))) {
            EmbeddedDatabaseRestarts restarts = new EmbeddedDatabaseRestarts(database, properties(), clock, false);

            stop(database);
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("the first stop: started again at once").isTrue();

            clock.advance(Duration.ofSeconds(20));
            stop(database);
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("stopped again 20 s after the start: a pause first").isFalse();
            clock.advance(EmbeddedDatabaseRestarts.FIRST_PAUSE.minusSeconds(1));
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("still in the pause").isFalse();
            clock.advance(Duration.ofSeconds(1));
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("after the pause").isTrue();

            clock.advance(Duration.ofSeconds(20));
            stop(database);
            restarts.restartIfStopped();
            clock.advance(EmbeddedDatabaseRestarts.FIRST_PAUSE);
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("the pause doubled").isFalse();
            clock.advance(EmbeddedDatabaseRestarts.FIRST_PAUSE);
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).isTrue();

            clock.advance(EmbeddedDatabaseRestarts.SOON_AFTER_START.plusSeconds(1));
            stop(database);
            restarts.restartIfStopped();
            assertThat(database.serverRunning()).as("a stop long after the last start: started again at once").isTrue();
        }
    }

    private EngawaProperties properties() {
        return new EngawaProperties(dataDir, new EngawaProperties.Db(null, null, null, true), true, null, null, null);
    }

    /** The postmaster gone without a word, as when its disk runs full. */
    private void stop(EmbeddedDatabase database) throws Exception {
        ProcessHandle server = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst().trim())).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        assertThat(database.serverRunning()).isFalse();
    }
}
