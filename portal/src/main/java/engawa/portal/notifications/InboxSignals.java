package engawa.portal.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
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
 * Tells open pages that someone's inbox changed, on every instance: the change sends a PostgreSQL
 * {@code NOTIFY} in its own transaction (delivered only if it commits), and each instance
 * {@code LISTEN}s on a connection of its own and passes the person's id to the bells open for them.
 */
@Component
public class InboxSignals implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxSignals.class);
    static final String CHANNEL = "engawa_inbox";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread thread;

    InboxSignals(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** In the caller's transaction: once it commits, every instance hears that these inboxes changed. */
    void changed(Collection<Long> recipientIds) {
        // one NOTIFY per batch: a payload holds about 8,000 bytes, so large fan-outs go in parts
        StringBuilder ids = new StringBuilder();
        for (long id : recipientIds) {
            if (ids.length() > 7000) {
                jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, CHANNEL, ids.toString());
                ids.setLength(0);
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        if (!ids.isEmpty()) {
            jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, CHANNEL, ids.toString());
        }
    }

    /** @return how to stop listening (a page closed) */
    public Runnable listen(long userId, LongConsumer onChange) {
        listeners.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> listeners.computeIfPresent(userId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        thread = Thread.ofPlatform().name("inbox-listen").daemon().start(this::listenLoop);
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = open(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(5_000);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            deliver(note.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Inbox signals paused: {}; listening again in 5 s", e.toString());
                    sleep();
                }
            }
        }
    }

    private void deliver(String payload) {
        for (String id : payload.split(",")) {
            Set<LongConsumer> open = listeners.get(Long.parseLong(id));
            if (open != null) {
                open.forEach(l -> {
                    try {
                        l.accept(Long.parseLong(id));
                    } catch (RuntimeException e) {
                        log.debug("A bell could not be updated: {}", e.toString());
                    }
                });
            }
        }
    }

    /** A connection of its own, outside the pool, held while this instance runs. */
    private Connection open() throws SQLException {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
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
        if (thread != null) {
            thread.interrupt();
        }
    }
}
