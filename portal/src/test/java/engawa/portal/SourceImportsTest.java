package engawa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature boundaries as written in the sources, import by import: the compiled classes
 * ({@link ModularityTest}, {@link ArchitectureTest}) show only what is used, and an import nobody
 * uses yet is where the next reach across a boundary starts.
 */
class SourceImportsTest {

    static final Path SOURCES = Path.of("src/main/java/engawa/portal");
    static final Set<String> FEATURES = Set.of("people", "catalog", "slo", "officehours", "recipes", "webhooks",
            "notifications");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?engawa\\.(db|portal)\\.([a-z]+)((?:\\.[a-z]+)*)\\.([A-Z]\\w*|\\*)",
            Pattern.MULTILINE);

    @Test
    void a_feature_imports_only_its_own_part_of_the_database_module() throws IOException {
        List<String> wrong = new ArrayList<>();
        forEachImport((file, from, m) -> {
            if (m.group(1).equals("db") && FEATURES.contains(from)) {
                String to = m.group(2);
                if (!to.equals(from) && !to.equals("shared")) {
                    wrong.add(file + ": " + m.group() + " (ask " + to + "'s API)");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void shared_code_imports_no_feature() throws IOException {
        List<String> wrong = new ArrayList<>();
        forEachImport((file, from, m) -> {
            if (from.equals("shared") && m.group(1).equals("portal") && !m.group(2).equals("shared")) {
                wrong.add(file + ": " + m.group());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_feature_imports_another_only_from_its_base_package_or_what_it_names_as_an_interface() throws IOException {
        List<String> wrong = new ArrayList<>();
        forEachImport((file, from, m) -> {
            String to = m.group(2);
            if (m.group(1).equals("portal") && FEATURES.contains(to) && !to.equals(from) && !m.group(3).isEmpty()
                    && !namedInterface(to, m.group(3), m.group(4))) {
                wrong.add(file + ": " + m.group());
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static boolean namedInterface(String feature, String subPackage, String type) {
        Path source = SOURCES.resolve(feature).resolve(subPackage.substring(1).replace('.', '/')).resolve(type + ".java");
        try {
            return !type.equals("*") && Files.exists(source) && Files.readString(source).contains("@NamedInterface");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    interface ImportVisitor {
        void visit(Path file, String fromPackage, Matcher imported);
    }

    private static void forEachImport(ImportVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String from = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    visitor.visit(relative, from, m);
                }
            }
        }
    }
}
