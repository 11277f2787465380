package engawa.db.slo;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measurements: good and total events per slice. A slice belongs to the window it ends in; as no
 * slice lasts more than a day, the slices ending after {@code from} all start after
 * {@code from - 1 day}, which bounds every read to a range of the primary key.
 */
@Repository
public class Measurements {

    private static final String EPOCH_MICROS = "timestamptz 'epoch' + x.%s * INTERVAL '1 microsecond'";

    private final JdbcClient jdbc;

    public Measurements(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Writes slices in one statement; a slice with the start of one already stored replaces it.
     * Call with the SLO's row locked and the slices checked against each other and those stored.
     */
    public int upsert(long sloId, List<Slice> slices) {
        int n = slices.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            Slice s = slices.get(i);
            starts[i] = micros(s.start());
            ends[i] = micros(s.end());
            good[i] = s.good();
            total[i] = s.total();
        }
        return jdbc.sql("INSERT INTO slo_measurements (slo_id, start_at, end_at, good, total) SELECT ?, "
                        + EPOCH_MICROS.formatted("s") + ", " + EPOCH_MICROS.formatted("e") + ", x.g, x.t"
                        + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS x(s, e, g, t)"
                        + " ON CONFLICT (slo_id, start_at) DO UPDATE SET end_at = EXCLUDED.end_at, good = EXCLUDED.good,"
                        + " total = EXCLUDED.total")
                .params(sloId, starts, ends, good, total).update();
    }

    /** The stored slices that could overlap the stretch from {@code from} to {@code to}, by start. */
    public List<Slice> near(long sloId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT start_at, end_at, good, total FROM slo_measurements
                WHERE slo_id = ? AND start_at > ? AND start_at < ? AND end_at > ? ORDER BY start_at""")
                .params(sloId, Timestamps.of(from.minus(1, ChronoUnit.DAYS)), Timestamps.of(to), Timestamps.of(from))
                .query((rs, i) -> new Slice(Timestamps.read(rs, "start_at"), Timestamps.read(rs, "end_at"),
                        rs.getLong("good"), rs.getLong("total")))
                .list();
    }

    /**
     * The events of the slices that end after each of {@code froms} and no later than {@code to},
     * in one pass over the earliest one's range.
     */
    public List<Counts> sums(long sloId, List<Instant> froms, Instant to) {
        Instant earliest = froms.stream().min(Instant::compareTo).orElseThrow();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < froms.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("coalesce(sum(good) FILTER (WHERE end_at > ?), 0) AS g").append(i)
                    .append(", coalesce(sum(total) FILTER (WHERE end_at > ?), 0) AS t").append(i)
                    .append(", count(*) FILTER (WHERE end_at > ?) AS n").append(i);
            for (int k = 0; k < 3; k++) {
                params.add(Timestamps.of(froms.get(i)));
            }
        }
        sql.append(" FROM slo_measurements WHERE slo_id = ? AND start_at > ? AND end_at > ? AND end_at <= ?");
        params.add(sloId);
        params.add(Timestamps.of(earliest.minus(1, ChronoUnit.DAYS)));
        params.add(Timestamps.of(earliest));
        params.add(Timestamps.of(to));
        return jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            rs.next();
            List<Counts> counts = new ArrayList<>(froms.size());
            for (int i = 0; i < froms.size(); i++) {
                counts.add(new Counts(rs.getLong("g" + i), rs.getLong("t" + i), rs.getLong("n" + i)));
            }
            return counts;
        });
    }

    /**
     * The slices ending from {@code from} to {@code to}, summed into {@code buckets} equal
     * stretches; stretches without data are left out.
     */
    public List<Bucket> buckets(long sloId, Instant from, Instant to, int buckets) {
        long fromMicros = micros(from);
        long width = Math.max(1, (micros(to) - fromMicros + buckets - 1) / buckets);
        return jdbc.sql("""
                SELECT b, sum(good) AS g, sum(total) AS t, count(*) AS n FROM (
                    SELECT (((extract(epoch FROM end_at) * 1000000)::bigint - ? - 1) / ?) AS b, good, total
                    FROM slo_measurements WHERE slo_id = ? AND start_at > ? AND end_at > ? AND end_at <= ?) AS x
                GROUP BY b ORDER BY b""")
                .params(fromMicros, width, sloId, Timestamps.of(from.minus(1, ChronoUnit.DAYS)), Timestamps.of(from),
                        Timestamps.of(to))
                .query((rs, i) -> new Bucket(
                        instant(fromMicros + (rs.getLong("b") + 1) * width),
                        new Counts(rs.getLong("g"), rs.getLong("t"), rs.getLong("n"))))
                .list();
    }

    /** Forgets slices that ended before {@code before}: no window reaches back that far. */
    public int prune(Instant before) {
        return jdbc.sql("DELETE FROM slo_measurements WHERE end_at < ?").param(Timestamps.of(before)).update();
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
