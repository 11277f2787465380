package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.catalog.CatalogImport.SourceFile;
import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.ParsedFile;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backstage files in and out, on the real, messy catalog in test resources (copied from
 * ../shared/fixtures/backstage-examples): every document is taken or reported, a second import
 * changes nothing, and the export reads back as the same catalog.
 */
@PortalTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogImportIT {

    static final List<SourceFile> FIXTURES = load();

    @Autowired
    CatalogImport imports;
    @Autowired
    CatalogExport export;
    @Autowired
    CatalogService catalog;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void a_dry_run_of_the_real_catalog_says_what_would_change_and_writes_nothing() throws Exception {
        int servicesBefore = count("catalog_services");
        int teamsBefore = count("teams");
        int entitiesBefore = count("catalog_entities");

        ImportReport report = asAdmin(() -> imports.run(FIXTURES, true, CatalogImport.Progress.NONE));

        assertThat(report.dryRun()).isTrue();
        assertThat(report.created()).isGreaterThan(50);
        assertThat(count("catalog_services")).isEqualTo(servicesBefore);
        assertThat(count("teams")).isEqualTo(teamsBefore);
        assertThat(count("catalog_entities")).isEqualTo(entitiesBefore);
    }

    @Test
    @Order(2)
    void every_document_of_the_real_catalog_is_taken_or_reported_with_file_document_and_reason() throws Exception {
        int servicesBefore = count("catalog_services");
        int entitiesBefore = count("catalog_entities");
        ImportReport report = asAdmin(() -> imports.run(FIXTURES, false, CatalogImport.Progress.NONE));

        ImportReport.KindCount components = kind(report, "Component");
        assertThat(count("catalog_services") - servicesBefore).isEqualTo(components.created());
        assertThat(count("catalog_entities") - entitiesBefore).isEqualTo(kind(report, "API").created() + kind(report, "System").created()
                + kind(report, "Domain").created() + kind(report, "Resource").created());
        assertThat(kind(report, "Group").created()).isPositive();
        assertThat(kind(report, "User").created()).isPositive();
        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.file()).endsWith(".yaml");
            assertThat(p.documentIndex()).isPositive();
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("components/invalid-component.yaml");
            assertThat(p.reason()).contains("is not allowed");
        });
        // the fork's components and APIs name an owner that no file defines: 13 documents
        assertThat(report.problems()).filteredOn(p -> p.reason().contains("\"inpixon\" is neither a team nor a person"))
                .hasSize(13);
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.entityRef()).isEqualTo("component:default/wayback-service");
            assertThat(p.reason()).contains("is an e-mail address");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.entityRef()).isEqualTo("user:development/guest");
            assertThat(p.reason()).contains("becomes the same account \"guest\"");
        });
        // owner: guest names no team, but the person guest from the same import
        assertThat(signedIn.as("admin", "ADMIN", () -> catalog.get("playback-order").owner().ref())).isEqualTo("user:guest");
        // what parsed cleanly but was refused, plus what did not parse, is everything that is not in the catalog
        int parsedProblems = parserProblems();
        int documentsTaken = report.counts().stream().mapToInt(c -> c.created() + c.updated() + c.unchanged()).sum();
        assertThat(documentsTaken + report.problems().stream().filter(p -> !p.reason().startsWith("Taken without"))
                .count()).isEqualTo(parsedEntities() + parsedProblems);

        // a team from a Group, with its parent, and a person from a User, with the membership
        assertThat(jdbc.queryForObject("SELECT p.slug FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.slug = 'team-a'",
                String.class)).isEqualTo("backstage");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM team_memberships m JOIN users u ON u.id = m.user_id"
                + " JOIN teams t ON t.id = m.team_id WHERE u.username = 'breanna.davison' AND t.slug = 'team-a'",
                Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT password_hash IS NULL FROM users WHERE username = 'breanna.davison'",
                Boolean.class)).isTrue();
    }

    @Test
    @Order(3)
    void importing_the_same_files_again_changes_nothing() throws Exception {
        ImportReport again = asAdmin(() -> imports.run(FIXTURES, false, CatalogImport.Progress.NONE));
        assertThat(again.created()).isZero();
        assertThat(again.changes()).isEmpty();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isPositive();
    }

    @Test
    @Order(4)
    void the_export_reads_back_as_the_same_catalog() {
        StringWriter out = new StringWriter();
        asAdmin(() -> {
            export.write(out);
            return null;
        });
        ParsedFile parsed = new CatalogInfoParser().parse("export.yaml", out.toString());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entities()).extracting(e -> e.entity().kind()).contains("Group", "User", "Component", "API",
                "System", "Domain", "Resource");
        // what Backstage's schemas require beyond what the reader checks
        assertThat(parsed.entities()).filteredOn(e -> e.entity().kind().equals("Group"))
                .allSatisfy(e -> assertThat(e.entity().spec()).containsKeys("type", "children"));
        assertThat(parsed.entities()).filteredOn(e -> e.entity().kind().equals("User"))
                .allSatisfy(e -> assertThat(e.entity().spec()).containsKey("memberOf"));
        assertThat(parsed.entities()).filteredOn(e -> e.entity().kind().equals("API"))
                .allSatisfy(e -> assertThat(e.entity().spec()).containsKeys("type", "lifecycle", "owner", "definition"));
        assertThat(parsed.entities()).filteredOn(e -> e.entity().name().equals("payments-api")).singleElement()
                .satisfies(e -> {
                    assertThat(e.entity().labels()).containsEntry("engawa.dev/tier", "1");
                    assertThat(e.entity().links()).extracting(l -> l.type()).contains("logs", "on-call", "runbook");
                });

        ImportReport reimport = asAdmin(() -> imports.run(List.of(new SourceFile("export.yaml", out.toString())), true,
                CatalogImport.Progress.NONE));
        assertThat(reimport.problems()).isEmpty();
        assertThat(reimport.changes()).isEmpty();
    }

    @Test
    @Order(5)
    void a_member_imports_what_their_team_owns_and_nothing_else() {
        String file = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: it-imported-by-kenji
                  links:
                    - url: https://grafana.example.com/d/kenji
                      title: Grafana dashboard
                spec: {type: service, lifecycle: experimental, owner: group:default/payments}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: it-not-kenjis}
                spec: {type: service, lifecycle: production, owner: marketplace}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: kenjis-own-team}
                spec: {type: team, children: []}
                """;
        ImportReport report = signedIn.as("kenji", "MEMBER", () -> imports.run(List.of(new SourceFile("kenji.yaml", file)),
                false, CatalogImport.Progress.NONE));

        assertThat(kind(report, "Component").created()).isOne();
        assertThat(report.problems()).extracting(ImportProblem::documentIndex, p -> p.reason().substring(0, 20))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "This belongs to Mark"),
                        org.assertj.core.groups.Tuple.tuple(3, "Only admins import t"));
        CatalogEntry imported = signedIn.as("kenji", "MEMBER", () -> catalog.get("it-imported-by-kenji"));
        assertThat(imported.opsLinks()).containsEntry(engawa.db.catalog.OpsLinkKind.METRICS, "https://grafana.example.com/d/kenji");
        assertThat(imported.links()).isEmpty();
        assertThat(signedIn.as("kenji", "MEMBER", () -> catalog.history("it-imported-by-kenji", 0, 5)))
                .singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("IMPORTED"));
        assertThat(count("teams WHERE slug = 'kenjis-own-team'")).isZero();
    }

    @Test
    @Order(6)
    void text_that_is_not_yaml_is_reported_with_its_line_and_the_documents_before_it_are_taken() {
        String file = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: it-before-the-break}
                spec: {type: service, lifecycle: production, owner: payments}
                ---
                kind: Component
                metadata: [this is: not closed
                """;
        ImportReport report = asAdmin(() -> imports.run(List.of(new SourceFile("broken.yaml", file)), false,
                CatalogImport.Progress.NONE));
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.documentIndex()).isEqualTo(2);
            assertThat(p.reason()).contains("not valid YAML").contains("line");
        });
        assertThat(kind(report, "Component").created()).isOne();
    }

    @Test
    @Order(7)
    void an_import_that_changes_a_service_records_the_changed_fields() {
        String before = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: it-changes-on-import, labels: {engawa.dev/tier: "2"}}
                spec: {type: service, lifecycle: production, owner: payments}
                """;
        asAdmin(() -> imports.run(List.of(new SourceFile("a.yaml", before)), false, CatalogImport.Progress.NONE));
        ImportReport report = asAdmin(() -> imports.run(List.of(new SourceFile("a.yaml",
                before.replace("production", "deprecated").replace("\"2\"", "\"1\""))), false, CatalogImport.Progress.NONE));

        assertThat(report.changes()).singleElement().satisfies(item -> {
            assertThat(item.action()).isEqualTo(ImportReport.Action.UPDATE);
            assertThat(item.changedFields()).containsExactly("lifecycle", "tier");
        });
        CatalogEntry entry = asAdmin(() -> catalog.get("it-changes-on-import"));
        assertThat(entry.tier()).isEqualTo(1);
        assertThat(entry.version()).isEqualTo(2);
    }

    private static ImportReport.KindCount kind(ImportReport report, String kind) {
        return report.counts().stream().filter(c -> c.kind().equals(kind)).findFirst()
                .orElse(new ImportReport.KindCount(kind, 0, 0, 0));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return signedIn.as("admin", "ADMIN", work);
    }

    private static List<SourceFile> load() {
        try {
            return fixtures();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("The fixture files are part of the test resources", e);
        }
    }

    static List<SourceFile> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(CatalogImportIT.class.getResource("/backstage-examples/SOURCE.md").toURI()).getParent();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new SourceFile(root.relativize(file).toString(), Files.readString(file)));
            }
        }
        return files;
    }

    private static int parsedEntities() throws Exception {
        return fixtures().stream().mapToInt(f -> new CatalogInfoParser().parse(f.name(), f.text()).entities().size()).sum();
    }

    private static int parserProblems() throws Exception {
        return fixtures().stream().mapToInt(f -> new CatalogInfoParser().parse(f.name(), f.text()).problems().size()).sum();
    }
}
