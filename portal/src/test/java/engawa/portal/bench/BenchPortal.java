package engawa.portal.bench;

import engawa.portal.EngawaApplication;
import engawa.portal.shared.EmbeddedDatabaseEarlyStart;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A portal for a benchmark: its own empty embedded database, no demo data, no webhook dispatch unless asked. */
final class BenchPortal {

    private BenchPortal() {
    }

    /** @param settings Engawa settings on top of the benchmark defaults */
    static ConfigurableApplicationContext start(String name, Map<String, String> settings) throws IOException {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "engawa.data-dir", Files.createTempDirectory("engawa-bench-" + name + "-").toString(),
                "engawa.demo-data", "false",
                "engawa.webhooks.dispatch", "false",
                "logging.level.root", "WARN"));
        properties.putAll(settings);
        SpringApplication application = new SpringApplication(EngawaApplication.class);
        application.addListeners(new EmbeddedDatabaseEarlyStart());
        application.setDefaultProperties(properties);
        return application.run();
    }
}
