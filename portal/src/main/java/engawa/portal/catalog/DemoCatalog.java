package engawa.portal.catalog;

import engawa.db.catalog.OpsLinkKind;
import engawa.portal.shared.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A believable catalog for the demo teams (demo/catalog-info.yaml, imported as a company would
 * import its own), with incomplete entries among them, and the teams' standard links: SRE's
 * common minimum set once on Engineering, each team adding its runbooks.
 */
/** Before the features that refer to its services (SLOs). */
@Component
@Order(10)
class DemoCatalog implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    static final String FILE = "demo/catalog-info.yaml";

    private final CatalogImport imports;
    private final TeamLinks teamLinks;

    DemoCatalog(CatalogImport imports, TeamLinks teamLinks) {
        this.imports = imports;
        this.teamLinks = teamLinks;
    }

    @Override
    public void load() {
        ImportReport report = imports.run(List.of(new SourceFile(FILE, read())), false,
                CatalogImport.Progress.NONE);
        if (report.problemCount() > 0) {
            throw new IllegalStateException("The demo catalog does not import cleanly: " + report.problems());
        }
        teamLinks.replace("engineering", Map.of(
                OpsLinkKind.LOGS, "https://logs.example.com/app/{name}",
                OpsLinkKind.METRICS, "https://grafana.example.com/d/{name}",
                OpsLinkKind.ERRORS, "https://sentry.example.com/acme/{name}",
                OpsLinkKind.ON_CALL, "https://acme.pagerduty.com/services/{name}",
                OpsLinkKind.CI_CD, "https://github.com/acme/{name}/actions",
                OpsLinkKind.SOURCE, "https://github.com/acme/{name}"));
        teamLinks.replace("payments", Map.of(
                OpsLinkKind.RUNBOOK, "https://wiki.example.com/payments/runbooks/{name}",
                OpsLinkKind.DOCS, "https://wiki.example.com/payments/{name}"));
        teamLinks.replace("marketplace", Map.of(OpsLinkKind.RUNBOOK, "https://wiki.example.com/marketplace/runbooks/{name}"));
        log.info("Loaded the demo catalog: {} services and {} other entities", report.counts().stream()
                .filter(c -> c.kind().equals("Component")).mapToInt(ImportReport.KindCount::created).sum(),
                report.created() - report.counts().stream().filter(c -> c.kind().equals("Component"))
                        .mapToInt(ImportReport.KindCount::created).sum());
    }

    private static String read() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
