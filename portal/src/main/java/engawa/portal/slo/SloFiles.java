package engawa.portal.slo;

import engawa.db.slo.SloRow;
import engawa.db.slo.SloValues;
import engawa.db.slo.Slos;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogService;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenSLO files in and out. An import is all or nothing: every document is checked (the file's
 * rules, the catalog's services, who may change them, Engawa's own rules) before anything is
 * written; a dry run reports the same and writes nothing. SLOs are matched by service and name,
 * so importing an export changes nothing.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SloFiles {

    private final Slos slos;
    private final SloEvaluator evaluator;
    private final CatalogService catalog;
    private final Clock clock;

    SloFiles(Slos slos, SloEvaluator evaluator, CatalogService catalog, Clock clock) {
        this.slos = slos;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One SLO of the file and what the import does (or would do) with it. */
    public record Outcome(int document, String service, String name, String action) {
    }

    public record Problem(int document, String name, String message) {
    }

    /**
     * @param applied whether anything was written
     * @param rule what an import does with documents it cannot take ({@link engawa.portal.shared.ImportRule})
     */
    public record Report(boolean dryRun, boolean applied, int created, int updated, int unchanged, List<Outcome> slos,
            List<Problem> problems, String rule) {
    }

    @Transactional
    public Report importFile(String yaml, boolean dryRun) {
        OpenSlo.Read read = OpenSlo.read(yaml);
        List<Problem> problems = new ArrayList<>();
        read.problems().forEach(p -> problems.add(new Problem(p.document(), p.name(), p.message())));
        record Planned(OpenSlo.Item item, CatalogEntry service, SloValues values, Optional<SloRow> existing) {
        }
        List<Planned> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OpenSlo.Item item : read.items()) {
            Optional<CatalogEntry> service = catalog.find(item.service());
            if (service.isEmpty()) {
                problems.add(new Problem(item.document(), item.draft().name(), "spec.service " + item.service()
                        + " is not in the catalog: add the service first, or fix the name."));
                continue;
            }
            if (!seen.add(service.get().name().toLowerCase(Locale.ROOT) + "/" + item.draft().name())) {
                problems.add(new Problem(item.document(), item.draft().name(), "The file has this SLO of "
                        + item.service() + " twice."));
                continue;
            }
            if (!catalog.mayEdit(service.get().name())) {
                problems.add(new Problem(item.document(), item.draft().name(), "Only the owners of " + item.service()
                        + " (or an admin) may change its SLOs."));
                continue;
            }
            SloValues values;
            try {
                values = SloRules.check(item.draft());
            } catch (UserFacingException e) {
                problems.add(new Problem(item.document(), item.draft().name(), e.getMessage()));
                continue;
            }
            plan.add(new Planned(item, service.get(), values, slos.find(service.get().id(), values.name())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Planned p : plan) {
            String action = p.existing().isEmpty() ? "created"
                    : p.existing().get().values().equals(p.values()) ? "unchanged" : "updated";
            switch (action) {
                case "created" -> created++;
                case "updated" -> updated++;
                default -> unchanged++;
            }
            outcomes.add(new Outcome(p.item().document(), p.service().name(), p.values().name(), action));
        }
        // the rule of every import: what can be taken is written, what cannot is reported
        boolean apply = !dryRun && !plan.isEmpty();
        if (apply) {
            Instant now = clock.instant();
            for (Planned p : plan) {
                if (p.existing().isEmpty()) {
                    long id = slos.insert(p.service().id(), p.values(), now);
                    evaluator.evaluateAndTell(slos.lock(id).orElseThrow(), now);
                } else if (!p.existing().get().values().equals(p.values())) {
                    SloRow row = p.existing().get();
                    slos.update(row.id(), row.version(), p.values(), now);
                    evaluator.evaluateAndTell(slos.lock(row.id()).orElseThrow(), now);
                }
            }
        }
        return new Report(dryRun, apply, created, updated, unchanged, outcomes, problems, engawa.portal.shared.ImportRule.TEXT);
    }

    /** @param service one service's SLOs, or null for every SLO */
    @Transactional(readOnly = true)
    public String export(String service) {
        if (service != null && !service.isBlank()) {
            CatalogEntry entry = catalog.get(service.strip());
            return OpenSlo.write(slos.ofService(entry.id()));
        }
        return OpenSlo.write(slos.all());
    }
}
