package engawa.portal.slo.ui;

import com.vaadin.flow.component.Component;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.ui.ServicePageSection;
import engawa.portal.slo.SloService;
import org.springframework.stereotype.Service;

/** The service page's "Reliability" card: the service's SLOs, filled in by this feature. */
@Service
class ReliabilitySection implements ServicePageSection {

    private final SloService slos;

    ReliabilitySection(SloService slos) {
        this.slos = slos;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(CatalogEntry service, boolean mayEdit) {
        return new ServiceReliability(slos, service.name(), service.owner().name(), mayEdit);
    }
}
