package engawa.portal.catalog;

import engawa.db.catalog.CatalogServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The tag list that filters and forms offer only grows as services are saved (a trigger adds new
 * tags); once an hour, tags that no service carries any more are forgotten. Harmless to run on
 * several instances at once.
 */
@Component
class TagPruning {

    private static final Logger log = LoggerFactory.getLogger(TagPruning.class);

    private final CatalogServices services;

    TagPruning(CatalogServices services) {
        this.services = services;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void scheduled() {
        try {
            int pruned = services.pruneTags();
            if (pruned > 0) {
                log.info("Forgot {} tags that no service uses any more", pruned);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning unused catalog tags failed; trying again in an hour: {}", e.toString());
        }
    }
}
