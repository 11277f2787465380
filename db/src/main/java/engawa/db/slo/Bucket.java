package engawa.db.slo;

import java.time.Instant;

/** The events of the slices that end in one stretch of a chart's time axis. */
public record Bucket(Instant end, Counts counts) {
}
