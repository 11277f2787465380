package engawa.portal.catalog;

import engawa.db.catalog.ServiceSlos;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the SLO feature tells the catalog what a service's SLOs are like, in the transaction that
 * changed them, so that the catalog's list, filters and scorecard read the catalog's own table.
 */
@Component
public class SloSummaries {

    private final ServiceSlos slos;

    SloSummaries(ServiceSlos slos) {
        this.slos = slos;
    }

    /**
     * Takes the service's summary lock, then asks for the summary as it is now: two transactions
     * changing SLOs of one service at once write it one after the other, the second seeing the
     * first's SLOs, so the last write is never stale.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(long serviceId, Supplier<SloSummary> current) {
        slos.lock(serviceId);
        SloSummary summary = current.get();
        slos.record(serviceId, summary.count(), summary.states().stream().map(Enum::name).sorted().toList(),
                summary.worst().name(), summary.dataReceivedAt());
    }
}
