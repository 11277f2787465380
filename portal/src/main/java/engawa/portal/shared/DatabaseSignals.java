package engawa.portal.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code NOTIFY}, heard on every instance: a change sends a signal in its own transaction
 * (delivered only if it commits), and each instance {@code LISTEN}s on one connection of its own,
 * outside the pool, and hands each signal to whoever subscribed to its channel.
 *
 * <p>Signals sent while an instance was not listening are lost to it. A subscriber that keeps
 * something in memory on the strength of these signals hears of every such gap, and asks
 * {@link #listening()} before trusting what it keeps.
 */
@Component
public class DatabaseSignals implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSignals.class);
    /** How the listening connection names itself to the server (pg_stat_activity). */
    public static final String APPLICATION_NAME = "engawa-signals";
    /** How often the connection proves that it hears signals: it sends one to itself. */
    private static final long PROBE_EVERY_NANOS = 2_000_000_000L;
    /** Three probes: past it, the connection is not known to hear signals. */
    private static final long TRUSTED_NANOS = 6_000_000_000L;
    private static final String PROBE_CHANNEL = "engawa_probe";

    /** Who hears what comes on one channel, and of every time signals may have been missed. */
    public interface Subscriber {
        void heard(String payload);

        default void missedSome() {
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean started;
    /** System.nanoTime() of the last moment the connection was known to be listening; 0 when it is not. */
    private volatile long confirmedAt;
    /** Tells this instance's probes from those of the others, which every instance hears too. */
    private final String instance = java.util.UUID.randomUUID().toString();
    private Thread thread;

    DatabaseSignals(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** In the caller's transaction: once it commits, every instance listening on the channel hears the payload. */
    public void send(String channel, String payload) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, channel, payload);
    }

    /** Subscribes before this instance starts listening (from a constructor): channels are listened on from the start. */
    public void subscribe(String channel, Subscriber subscriber) {
        if (started) {
            throw new IllegalStateException("Subscribe to '" + channel + "' while the application starts");
        }
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Whether this instance hears every signal now: it heard its own probe within the last few seconds. */
    public boolean listening() {
        long at = confirmedAt;
        return at != 0 && System.nanoTime() - at < TRUSTED_NANOS;
    }

    @Override
    public void afterSingletonsInstantiated() {
        started = true;
        if (!subscribers.isEmpty()) {
            thread = Thread.ofPlatform().name("database-signals").daemon().start(this::listenLoop);
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = open(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + PROBE_CHANNEL);
                for (String channel : subscribers.keySet()) {
                    statement.execute("LISTEN " + channel);
                }
                // anything sent before the LISTEN was missed: the subscribers start afresh from here
                missedSome();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long probe = 0;
                long probeSentAt = 0;
                while (running) {
                    long now = System.nanoTime();
                    if (now - probeSentAt >= PROBE_EVERY_NANOS) {
                        // A connection whose server went away can wait quietly for ever, and one through a
                        // pooler in transaction mode listens on one server connection and asks on another:
                        // only a signal sent to itself and heard back proves that signals arrive.
                        probe++;
                        probeSentAt = now;
                        statement.execute("SELECT pg_notify('" + PROBE_CHANNEL + "', '" + instance + ":" + probe + "')");
                    }
                    int wait = (int) Math.max(1, (probeSentAt + PROBE_EVERY_NANOS - System.nanoTime()) / 1_000_000);
                    PGNotification[] notes = pg.getNotifications(wait);
                    for (PGNotification note : notes == null ? new PGNotification[0] : notes) {
                        if (!PROBE_CHANNEL.equals(note.getName())) {
                            deliver(note.getName(), note.getParameter());
                        } else if (note.getParameter().equals(instance + ":" + probe)) {
                            confirmedAt = probeSentAt;
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                confirmedAt = 0;
                missedSome();
                if (running) {
                    log.debug("Database signals paused: {}; listening again in 5 s", e.toString());
                    sleep();
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Subscriber subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.heard(payload);
            } catch (RuntimeException e) {
                log.debug("A subscriber to '{}' failed on '{}': {}", channel, payload, e.toString());
            }
        }
    }

    private void missedSome() {
        subscribers.values().forEach(list -> list.forEach(s -> {
            try {
                s.missedSome();
            } catch (RuntimeException e) {
                log.debug("A subscriber failed to start afresh: {}", e.toString());
            }
        }));
    }

    /** A connection of its own, outside the pool, held while this instance runs; no answer within 10 s ends it. */
    private Connection open() throws SQLException {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("socketTimeout", "10");
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        running = false;
        confirmedAt = 0;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
