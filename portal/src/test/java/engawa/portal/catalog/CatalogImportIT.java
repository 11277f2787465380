package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backstage files in and out, on the real, messy catalog in test resources (copied from
 * ../shared/fixtures/backstage-examples): every document is taken or reported, a second import
 * changes nothing, and the export reads back as the same catalog.
 */
@PortalTest
class CatalogImportIT {

    final UploadArea area = new UploadArea();

    @org.junit.jupiter.api.AfterEach
    void deleteUploads() {
        area.close();
    }

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

    /**
     * The documents that are wrong in themselves: Backstage's schema refuses them too (a name with a
     * space, an API without lifecycle or definition), or they break a rule of Engawa's (a lifecycle
     * other than its three, an API list naming a component, user:development/guest becoming the same
     * account as user:default/guest).
     */
    static final Set<String> GENUINELY_INVALID = Set.of("components/invalid-component.yaml", "petstore-api.yaml",
            "hello-world-api.yaml", "streetlights-api.yaml", "spotify-api.yaml", "apis/backstage-mcp-server-api.yaml",
            "apis/local-ai-model-server-api.yaml", "components/samdi-api-component.yaml",
            "components/dream11-component.yaml", "components/myservice-component.yaml", "acme/team-a-group.yaml");
    /** Eight entities stand in two files each, differently: in one upload the first is taken, the other refused. */
    static final String CONFLICTING_COPY = "A different entity with this kind, namespace and name came earlier";
    /** Of those, the services whose two copies differ in what the catalog keeps. */
    static final List<String> CONFLICTING_SERVICES_THAT_DIFFER = List.of("api:default/starwars-graphql",
            "component:default/artist-lookup", "component:default/petstore", "component:default/playback-sdk",
            "component:default/podcast-api", "component:default/queue-proxy", "component:default/shuffle-api");

    @Test
    void the_whole_catalog_as_one_zip_takes_every_valid_entity_follows_its_locations_and_a_dry_run_writes_nothing()
            throws Exception {
        int servicesBefore = count("catalog_services");
        int teamsBefore = count("teams");
        int entitiesBefore = count("catalog_entities");

        byte[] zip = zip();
        ImportReport report = asAdmin(() -> imports.run(CatalogUploads.unpack("backstage-examples.zip", zip, area), true,
                CatalogImport.Progress.NONE));

        assertThat(report.dryRun()).isTrue();
        assertThat(count("catalog_services")).isEqualTo(servicesBefore);
        assertThat(count("teams")).isEqualTo(teamsBefore);
        assertThat(count("catalog_entities")).isEqualTo(entitiesBefore);
        // what the files hold, whether Engawa has some of it already (then updated or unchanged) or not
        assertThat(taken(kind(report, "Component"))).isEqualTo(21);
        assertThat(taken(kind(report, "API"))).isEqualTo(18);
        assertThat(taken(kind(report, "Group"))).isEqualTo(9);
        assertThat(taken(kind(report, "User"))).isEqualTo(16);
        assertThat(report.problems()).filteredOn(p -> !p.reason().startsWith(CONFLICTING_COPY))
                .extracting(ImportProblem::file).allMatch(GENUINELY_INVALID::contains);
        assertThat(report.problems()).filteredOn(p -> p.reason().startsWith(CONFLICTING_COPY)).hasSize(8);
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("components/invalid-component.yaml");
            assertThat(p.reason()).contains("is not allowed");
        });
        // every Location of the repository points at files in it
        assertThat(report.locations()).hasSizeGreaterThan(40).allSatisfy(t -> assertThat(t.followed())
                .as(t.file() + " -> " + t.target() + ": " + t.reason()).isTrue());
        assertThat(report.locations()).anySatisfy(t -> {
            assertThat(t.file()).isEqualTo("all.yaml");
            assertThat(t.path()).isEqualTo("all-components.yaml");
        });
        // what stays open names things no file defines: the fork's owner "inpixon", and an e-mail address
        assertThat(report.unresolved()).isNotEmpty().allSatisfy(u -> assertThat(u.target()).satisfiesAnyOf(
                t -> assertThat(t).isEqualTo("inpixon"), t -> assertThat(t).contains("@")));
        assertThat(report.skipped()).anySatisfy(d -> assertThat(d.reason()).contains("kind Environment"));
        assertThat(report.files()).hasSize(FIXTURES.size());
    }

    @Test
    void every_file_uploaded_on_its_own_in_alphabetical_order_ends_in_the_same_catalog_as_one_zip() throws Exception {
        byte[] zip = zip();
        List<ImportProblem> problems = new ArrayList<>();
        for (SourceFile file : FIXTURES) {
            ImportReport report = asAdmin(() -> imports.run(List.of(file), false, CatalogImport.Progress.NONE));
            problems.addAll(report.problems());
        }

        assertThat(problems).extracting(ImportProblem::file).allMatch(GENUINELY_INVALID::contains);
        // the files one by one brought everything the whole catalog in one zip would: it creates nothing more
        ImportReport asZip = asAdmin(() -> imports.run(CatalogUploads.unpack("backstage-examples.zip", zip, area), true,
                CatalogImport.Progress.NONE));
        assertThat(asZip.created()).isZero();
        // the teams found their parents and the people their teams, whatever the order of the files
        assertThat(count("catalog_pending_team_parents")).isZero();
        assertThat(count("catalog_pending_memberships")).isZero();
        assertThat(jdbc.queryForObject("SELECT p.slug FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.slug = 'team-a'",
                String.class)).isEqualTo("backstage");
        assertThat(jdbc.queryForObject("SELECT p.slug FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.slug = 'boxoffice'",
                String.class)).isEqualTo("infrastructure"); // whose file comes after boxoffice's
        assertThat(jdbc.queryForObject("SELECT count(*) FROM team_memberships m JOIN users u ON u.id = m.user_id"
                + " JOIN teams t ON t.id = m.team_id WHERE u.username = 'breanna.davison' AND t.slug = 'team-a'",
                Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT password_hash IS NULL FROM users WHERE username = 'breanna.davison'",
                Boolean.class)).isTrue();
        // only what no file defines stays pending, and the service page can say so
        assertThat(jdbc.queryForList("SELECT DISTINCT owner_pending FROM catalog_services WHERE owner_pending IS NOT NULL",
                String.class)).allSatisfy(o -> assertThat(o).satisfiesAnyOf(t -> assertThat(t).isEqualTo("inpixon"),
                        t -> assertThat(t).contains("@")));
        CatalogEntry forked = asAdmin(() -> catalog.get("aware"));
        assertThat(forked.owner().kind()).isEqualTo(Owner.Kind.PENDING);
        assertThat(forked.owner().name()).isEqualTo("inpixon");
        assertThat(asAdmin(() -> catalog.get("artist-lookup")).owner().key()).isEqualTo("team-a");
        // owner: guest names no team, but the person guest
        assertThat(asAdmin(() -> catalog.get("playback-order")).owner().ref()).isEqualTo("user:guest");

        // the zip takes the first of two different copies, file by file the later one was taken last:
        // exactly the services whose two copies differ in what the catalog keeps change back
        assertThat(asZip.changes()).extracting(ImportReport.Item::action).containsOnly(ImportReport.Action.UPDATE);
        assertThat(asZip.changes()).extracting(ImportReport.Item::ref)
                .containsExactlyInAnyOrderElementsOf(CONFLICTING_SERVICES_THAT_DIFFER);
    }

    @Test
    void uploading_the_same_catalog_again_creates_and_changes_nothing() throws Exception {
        byte[] zip = zip();
        ImportReport zipped = asAdmin(() -> imports.run(CatalogUploads.unpack("catalog.zip", zip, area), false,
                CatalogImport.Progress.NONE));

        ImportReport again = asAdmin(() -> imports.run(CatalogUploads.unpack("catalog.zip", zip, area), false,
                CatalogImport.Progress.NONE));
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.changes()).isEmpty();
        assertThat(again.unchanged()).as("everything the first took").isEqualTo(zipped.created() + zipped.updated()
                + zipped.unchanged());
    }

    @Test
    void the_export_reads_back_as_the_same_catalog() throws Exception {
        // a catalog with every kind in it, whatever the other tests did
        byte[] zip = zip();
        asAdmin(() -> imports.run(CatalogUploads.unpack("catalog.zip", zip, area), false, CatalogImport.Progress.NONE));
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
        assertThat(signedIn.as("kenji", "MEMBER", () -> catalog.history("it-imported-by-kenji", org.springframework.data.domain.PageRequest.of(0, 5))))
                .singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("IMPORTED"));
        assertThat(count("teams WHERE slug = 'kenjis-own-team'")).isZero();
    }

    @Test
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
        // one rule for every import, said in the answer: what can be taken is written, the rest reported
        assertThat(kind(report, "Component").created()).isOne();
        assertThat(report.rule()).isEqualTo(engawa.portal.shared.ImportRule.TEXT);
    }

    @Test
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

    @Test
    void a_service_whose_team_arrives_later_belongs_to_it_then_and_its_members_may_edit_it() {
        String component = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: it-waits-for-its-team}
                spec: {type: service, lifecycle: production, owner: group:default/it-late-team}
                """;
        ImportReport first = asAdmin(() -> imports.run(List.of(new SourceFile("service.yaml", component)), false,
                CatalogImport.Progress.NONE));
        assertThat(first.problems()).isEmpty();
        assertThat(first.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.field()).isEqualTo("owner");
            assertThat(u.target()).isEqualTo("group:default/it-late-team");
            assertThat(u.reason()).contains("it-late-team is not in Engawa yet");
        });
        ServiceDetails waiting = signedIn.as("kenji", "MEMBER", () -> catalog.details("it-waits-for-its-team"));
        assertThat(waiting.entry().owner().kind()).isEqualTo(Owner.Kind.PENDING);
        assertThat(waiting.mayEdit()).isFalse();

        String team = """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: it-late-team}
                spec: {type: team, children: [], members: [kenji]}
                """;
        ImportReport second = asAdmin(() -> imports.run(List.of(new SourceFile("team.yaml", team)), false,
                CatalogImport.Progress.NONE));
        assertThat(second.unresolved()).isEmpty();
        ServiceDetails owned = signedIn.as("kenji", "MEMBER", () -> catalog.details("it-waits-for-its-team"));
        assertThat(owned.entry().owner().kind()).isEqualTo(Owner.Kind.TEAM);
        assertThat(owned.entry().owner().key()).isEqualTo("it-late-team");
        assertThat(owned.mayEdit()).isTrue();
        assertThat(signedIn.as("kenji", "MEMBER", () -> catalog.history("it-waits-for-its-team", org.springframework.data.domain.PageRequest.of(0, 5))))
                .first().satisfies(c -> assertThat(c.changes()).containsEntry("owner",
                        new FieldChange("", "it-late-team")));
        // workflows that follow the catalog hear of the new owner as of any imported change
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE type = 'service.updated'"
                + " AND data->'service'->>'name' = 'it-waits-for-its-team' AND data->'service'->>'owner_name' = 'it-late-team'"
                + " AND data->'changes' ? 'owner'", Integer.class)).isOne();

        // importing the service's file again changes nothing now
        ImportReport again = asAdmin(() -> imports.run(List.of(new SourceFile("service.yaml", component)), false,
                CatalogImport.Progress.NONE));
        assertThat(again.unchanged()).isOne();
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void a_member_cannot_leave_a_service_to_an_owner_nobody_knows() {
        String component = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: it-nobodys}
                spec: {type: service, lifecycle: production, owner: it-no-such-team}
                """;
        ImportReport report = signedIn.as("kenji", "MEMBER", () -> imports.run(List.of(new SourceFile("x.yaml", component)),
                false, CatalogImport.Progress.NONE));
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("\"it-no-such-team\" is neither a team nor a person"));
        assertThat(count("catalog_services WHERE name = 'it-nobodys'")).isZero();
    }

    private static int taken(ImportReport.KindCount count) {
        return count.created() + count.updated() + count.unchanged();
    }

    private static ImportReport.KindCount kind(ImportReport report, String kind) {
        return kind(report.counts(), kind);
    }

    private static ImportReport.KindCount kind(List<ImportReport.KindCount> counts, String kind) {
        return counts.stream().filter(c -> c.kind().equals(kind)).findFirst()
                .orElse(new ImportReport.KindCount(kind, 0, 0, 0));
    }

    /** The fixture folder as one .zip, as someone would pack a catalog repository. */
    static byte[] zip() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (SourceFile file : FIXTURES) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.name()));
                zip.write(CatalogUploadsTest.text(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
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

}
