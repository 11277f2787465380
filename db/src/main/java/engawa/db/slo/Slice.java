package engawa.db.slo;

import java.time.Instant;

/** Good and total events counted from {@code start} (inclusive) to {@code end} (exclusive). */
public record Slice(Instant start, Instant end, long good, long total) {
}
