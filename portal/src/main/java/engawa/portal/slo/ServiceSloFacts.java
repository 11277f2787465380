package engawa.portal.slo;

import engawa.db.slo.Slos;
import engawa.portal.catalog.SloState;
import engawa.portal.catalog.SloSummaries;
import engawa.portal.catalog.SloSummary;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells the catalog what a service's SLOs are like after any of them changed (added, removed, evaluated, fed). */
@Component
class ServiceSloFacts {

    private final Slos slos;
    private final SloSummaries catalog;

    ServiceSloFacts(Slos slos, SloSummaries catalog) {
        this.slos = slos;
        this.catalog = catalog;
    }

    void refresh(long serviceId) {
        catalog.update(serviceId, () -> {
            Slos.ServiceSummary summary = slos.summaryOf(serviceId);
            return new SloSummary(summary.count(),
                    summary.states().stream().map(SloState::valueOf).collect(Collectors.toSet()), summary.receivedAt());
        });
    }
}
