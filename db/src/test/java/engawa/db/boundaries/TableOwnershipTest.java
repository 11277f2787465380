package engawa.db.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one feature. A feature's SQL writes only its own tables; it may read the
 * tables of the features it depends on (names for a list, an owner filter), never those of a
 * feature that depends on it. The same direction as the portal's modules (ModularityTest there).
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/engawa/db");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Which feature owns a table, by its name. */
    static String owner(String table) {
        if (Set.of("users", "teams", "team_memberships", "api_tokens", "sign_in_failures").contains(table) || table.startsWith("people_")) {
            return "people";
        }
        if (table.startsWith("catalog_")) {
            return "catalog";
        }
        if (table.equals("slos") || table.startsWith("slo_")) {
            return "slo";
        }
        if (table.startsWith("office_") || table.equals("calendar_feeds")) {
            return "officehours";
        }
        if (table.equals("recipes") || table.startsWith("recipe_")) {
            return "recipes";
        }
        if (table.startsWith("webhook_")) {
            return "webhooks";
        }
        if (table.startsWith("notification") || table.equals("email_outbox")) {
            return "notifications";
        }
        return null;
    }

    /** What each feature may read besides its own tables: the features it depends on. */
    static final Map<String, Set<String>> READS = Map.of(
            "people", Set.of(),
            "webhooks", Set.of("people"),
            "catalog", Set.of("people", "webhooks"),
            "slo", Set.of("people", "catalog"),
            "recipes", Set.of("people", "webhooks"),
            "officehours", Set.of("people", "recipes", "catalog"),
            "notifications", Set.of("people", "catalog", "slo", "recipes", "officehours"));

    static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN|USING)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void every_table_belongs_to_a_feature() throws IOException {
        Set<String> orphans = new TreeSet<>();
        for (String table : tables()) {
            if (owner(table) == null) {
                orphans.add(table);
            }
        }
        assertThat(orphans).as("name them after their feature, or add them to owner()").isEmpty();
    }

    @Test
    void a_feature_writes_only_its_own_tables_and_reads_only_those_below_it() throws IOException {
        Set<String> tables = tables();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (!READS.containsKey(feature)) {
                    continue; // shared, embedded: no tables of their own
                }
                String text = Files.readString(file);
                check(WRITE, text, tables, table -> !owner(table).equals(feature), file, "writes", wrong);
                check(READ, text, tables, table -> !owner(table).equals(feature) && !READS.get(feature).contains(owner(table)),
                        file, "reads", wrong);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(Pattern pattern, String text, Set<String> tables, java.util.function.Predicate<String> forbidden,
            Path file, String verb, List<String> wrong) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (tables.contains(table) && forbidden.test(table)) {
                wrong.add(SOURCES.relativize(file) + " " + verb + " " + table + ", which belongs to " + owner(table));
            }
        }
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
