package engawa.portal.shared;

import java.io.File;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The disk under the embedded database's files, in the health report: DOWN while less than 64 MB
 * is free, so that an admin hears of it before PostgreSQL runs out, refuses writes and stops to
 * protect its files (it starts again, with everything committed, once there is room). Up and
 * silent with an external database, whose disk is its operator's.
 */
@Component("databaseDisk")
class EmbeddedDiskHealth implements HealthIndicator {

    static final DataSize THRESHOLD = DataSize.ofMegabytes(64);

    private final EngawaProperties properties;

    EmbeddedDiskHealth(EngawaProperties properties) {
        this.properties = properties;
    }

    /** Whether the embedded database's disk has room: what the health report and its restarts go by. */
    static boolean hasRoom(EngawaProperties properties) {
        return hasRoom(properties.dataDir().toAbsolutePath().toFile().getUsableSpace());
    }

    private static boolean hasRoom(long freeBytes) {
        return freeBytes >= THRESHOLD.toBytes();
    }

    @Override
    public Health health() {
        if (properties.db().isExternal()) {
            return Health.up().withDetail("embedded", false).build();
        }
        File directory = properties.dataDir().toAbsolutePath().toFile();
        long free = directory.getUsableSpace();
        Health.Builder health = hasRoom(free) ? Health.up()
                : Health.down().withDetail("problem", "The disk under the embedded database has less than "
                        + THRESHOLD.toMegabytes() + " MB free: make room, or Engawa stops saving");
        return health.withDetail("path", directory.getPath()).withDetail("freeMegabytes", free / (1024 * 1024)).build();
    }
}
