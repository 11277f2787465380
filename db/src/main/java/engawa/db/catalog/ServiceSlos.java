package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the catalog keeps of each service's SLOs: how many, their states, when data last came. */
@Repository
public class ServiceSlos {

    /** Serialises the updates of one service's summary (its SLOs may be evaluated by several instances at once). */
    private static final int LOCK_SPACE = 0x736c6f73;

    private final JdbcClient jdbc;

    public ServiceSlos(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** Held until the transaction ends: whoever holds it reads the SLOs as committed and writes the summary. */
    public void lock(long serviceId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)::text").params(LOCK_SPACE, (int) serviceId).query(String.class).single();
    }

    /** @param states each state once; none (no SLO left) removes the summary */
    public void record(long serviceId, int count, List<String> states, String worst, Instant dataReceivedAt) {
        if (count == 0) {
            jdbc.sql("DELETE FROM catalog_service_slos WHERE service_id = ?").param(serviceId).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO catalog_service_slos (service_id, slo_count, states, worst_state, data_received_at)
                VALUES (?, ?, CAST(? AS VARCHAR(16)[]), ?, ?)
                ON CONFLICT (service_id) DO UPDATE SET slo_count = EXCLUDED.slo_count, states = EXCLUDED.states,
                    worst_state = EXCLUDED.worst_state, data_received_at = EXCLUDED.data_received_at""")
                .params(serviceId, count, states.toArray(String[]::new), worst, Timestamps.of(dataReceivedAt)).update();
    }
}
