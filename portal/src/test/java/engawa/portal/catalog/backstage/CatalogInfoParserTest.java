package engawa.portal.catalog.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parser on a real, messy catalog (test resources, copied from ../shared/fixtures) and on bad input. */
class CatalogInfoParserTest {

    final CatalogInfoParser parser = new CatalogInfoParser();

    @Test
    void every_document_of_the_real_catalog_is_either_taken_or_reported_with_a_reason() throws Exception {
        CatalogInfoParser.Collected collected = new CatalogInfoParser.Collected();
        Path root = fixtures();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                parser.parse(root.relativize(file).toString(), Files.readString(file), collected);
            }
        }
        List<ParsedEntity> entities = collected.entities;
        List<ImportProblem> problems = collected.problems;
        List<ParsedLocation> locations = collected.locations;
        List<SkippedDocument> skipped = collected.skipped;

        // the fixture is fixed, so the counts are exact: 83 entities taken, 7 documents refused, and
        // the Locations and the kinds Engawa does not keep apart from them
        java.util.Map<String, Long> byKind = entities.stream().collect(java.util.stream.Collectors.groupingBy(
                e -> e.entity().kind(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertThat(byKind).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of("API", 19L, "Component", 31L, "Domain", 3L,
                        "Group", 9L, "Resource", 1L, "System", 3L, "User", 17L)));
        assertThat(problems).hasSize(7);
        assertThat(locations).hasSize(10);
        assertThat(locations).anySatisfy(l -> {
            assertThat(l.file()).isEqualTo("all.yaml");
            assertThat(l.targets()).containsExactly("./all-apis.yaml", "./all-components.yaml", "./all-domains.yaml",
                    "./all-resources.yaml", "./all-systems.yaml");
        });
        assertThat(skipped).extracting(SkippedDocument::file).contains("environments/dev.yaml", "apis/petstore.oas.yaml");
        assertThat(skipped).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("environments/dev.yaml");
            assertThat(d.reason()).contains("kind Environment is not part of Engawa's catalog");
        });
        assertThat(skipped).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("apis/petstore.oas.yaml");
            assertThat(d.reason()).contains("Not a Backstage entity");
        });
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isNotBlank();
            assertThat(p.documentIndex()).isPositive();
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("components/invalid-component.yaml");
            assertThat(p.documentIndex()).isEqualTo(1);
            assertThat(p.entityRef()).isEqualTo("component:default/invalid component");
            assertThat(p.reason()).contains("The name \"invalid component\" is not allowed").contains("invalid-component");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("petstore-api.yaml");
            assertThat(p.entityRef()).isEqualTo("api:default/petstore");
            assertThat(p.reason()).contains("spec.lifecycle is missing");
        });
        assertThat(entities).anySatisfy(e -> {
            assertThat(e.entity().ref().toString()).isEqualTo("component:alternative/different-namespace");
            assertThat(e.entity().specText("owner")).isEqualTo("default/team-a");
        });
        assertThat(entities).anySatisfy(e -> {
            assertThat(e.entity().name()).isEqualTo("artist-lookup");
            assertThat(e.entity().specText("system")).isEqualTo("artist-engagement-portal");
            assertThat(e.entity().tags()).containsExactly("java", "data");
            assertThat(e.entity().links()).hasSize(7).first()
                    .isEqualTo(new BackstageEntity.Link("https://example.com/user", "Examples Users", null, "user"));
        });
    }

    @Test
    void a_yaml_error_keeps_what_came_before_and_says_where_it_is() {
        ParsedFile parsed = parser.parse("broken.yaml", component("first") + "---\nkind: [unclosed\n---\n" + component("third"));

        assertThat(parsed.entities()).extracting(e -> e.entity().name()).containsExactly("first");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.documentIndex()).isEqualTo(2);
            assertThat(p.reason()).startsWith("This is not valid YAML").contains("line").contains("Nothing after this point");
        });
    }

    @Test
    void each_kind_of_mistake_gets_its_own_advice() {
        String yaml = String.join("---\n",
                "just some text\n",
                "- a\n- list\n",
                component("ok"),
                component("ok"),
                component("tagged").replace("spec:", "  tags: [go 1.15.3]\nspec:"),
                component("ownerless").replace("  owner: team-a\n", ""),
                component("lifeless").replace("  lifecycle: production\n", ""),
                "apiVersion: backstage.io/v1alpha1\nkind: Template\nmetadata:\n  name: t\nspec: {}\n",
                "apiVersion: example.com/v1\nkind: Component\nmetadata:\n  name: x\n",
                component("a".repeat(64)),
                component("spaced").replace("namespace: default", "namespace: Not Valid"),
                component("badowner").replace("owner: team-a", "owner: \"group:a:b\""));

        ParsedFile parsed = parser.parse("mixed.yaml", yaml);

        assertThat(parsed.entities()).extracting(e -> e.entity().name()).containsExactly("ok");
        assertThat(parsed.problems()).extracting(ImportProblem::documentIndex).containsExactly(1, 2, 4, 5, 6, 7, 9, 10, 11, 12);
        assertThat(parsed.problems()).extracting(ImportProblem::reason).satisfiesExactly(
                r -> assertThat(r).contains("must be a mapping").contains("plain text \"just some text\""),
                r -> assertThat(r).contains("this one is a list"),
                r -> assertThat(r).contains("appears twice"),
                r -> assertThat(r).contains("The tag \"go 1.15.3\" is not allowed").contains("go-1-15-3"),
                r -> assertThat(r).contains("spec.owner is missing").contains("owner: team-a"),
                r -> assertThat(r).contains("spec.lifecycle is missing").contains("experimental, production or deprecated"),
                r -> assertThat(r).contains("apiVersion must be backstage.io/"),
                r -> assertThat(r).contains("at most 63"),
                r -> assertThat(r).contains("namespace \"Not Valid\""),
                r -> assertThat(r).contains("is not a reference"));
    }

    @Test
    void aliases_cannot_blow_up_a_document() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *").append((char) (c - 1))
                    .append(", *").append((char) (c - 1)).append("]\n");
        }
        ParsedFile parsed = parser.parse("bomb.yaml", bomb.toString());

        assertThat(parsed.entities()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("not valid YAML"));
    }

    @Test
    void owner_references_in_every_spelling_backstage_allows() {
        assertThat(EntityRef.parse("team-a", "group", "default")).contains(new EntityRef("group", "default", "team-a"));
        assertThat(EntityRef.parse("group:team-a", "group", "default")).contains(new EntityRef("group", "default", "team-a"));
        assertThat(EntityRef.parse("group:default/team-a", "group", "x")).contains(new EntityRef("group", "default", "team-a"));
        assertThat(EntityRef.parse("user:guest", "group", "default")).contains(new EntityRef("user", "default", "guest"));
        assertThat(EntityRef.parse("Group:ops/team-b", null, "default")).contains(new EntityRef("group", "ops", "team-b"));
        assertThat(EntityRef.parse("a:b:c", "group", "default")).isEmpty();
        assertThat(EntityRef.parse("  ", "group", "default")).isEmpty();
    }

    static String component(String name) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                  namespace: default
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                """.formatted(name);
    }

    static Path fixtures() throws URISyntaxException, IOException {
        return Path.of(CatalogInfoParserTest.class.getResource("/backstage-examples/SOURCE.md").toURI()).getParent();
    }
}
