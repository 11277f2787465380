package engawa.portal.shared;

import engawa.db.embedded.EmbeddedDatabase;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL on another thread as soon as the configuration is known, so that
 * it boots while Spring and Vaadin build their context (about 2 s saved on 2 cores) instead of
 * after. {@link DatabaseConfiguration} waits for it; without this listener (in tests) it starts
 * the database itself. When the portal fails to start, the database it started is stopped with it.
 */
public class EmbeddedDatabaseEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    /** A database being started, under a name the data source configuration looks for. */
    public record Pending(CompletableFuture<EmbeddedDatabase> database) {
        static final String BEAN_NAME = "engawaEmbeddedDatabaseStart";
    }

    private volatile CompletableFuture<EmbeddedDatabase> started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationContextInitializedEvent initialized) {
            start(initialized);
        } else if (event instanceof ApplicationFailedEvent && started != null) {
            // the data source may never have taken it; closing twice is harmless
            started.thenAccept(EmbeddedDatabase::close);
        }
    }

    private void start(ApplicationContextInitializedEvent event) {
        EngawaProperties properties = Binder.get(event.getApplicationContext().getEnvironment())
                .bindOrCreate("engawa", EngawaProperties.class);
        properties.db().requireOne();
        if (properties.db().isExternal()) {
            return;
        }
        CompletableFuture<EmbeddedDatabase> database = CompletableFuture.supplyAsync(
                () -> EmbeddedDatabase.start(properties.dataDir().resolve("postgres")),
                task -> Thread.ofPlatform().name("embedded-postgres-start").start(task));
        started = database;
        event.getApplicationContext().getBeanFactory().registerSingleton(Pending.BEAN_NAME, new Pending(database));
    }
}
