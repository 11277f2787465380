package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void english_and_japanese_have_the_same_texts() throws IOException {
        Set<String> english = keys("i18n/messages.properties");
        Set<String> japanese = keys("i18n/messages_ja.properties");
        assertThat(new TreeSet<>(japanese)).as("keys missing or extra in Japanese").isEqualTo(new TreeSet<>(english));
    }

    @Test
    void every_text_the_code_asks_for_exists() throws IOException {
        Set<String> english = keys("i18n/messages.properties");
        Pattern literalKey = Pattern.compile(
                "(?:getTranslation|invalid|notFound|conflict|forbidden)\\(\"([a-zA-Z]+\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])\"|message = \"([a-zA-Z]+\\.[a-zA-Z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        assertThat(used).as("the scan found the keys").hasSizeGreaterThan(50);
        assertThat(english).containsAll(used);
        // keys built from enums: every constant needs its text
        for (engawa.db.people.Role role : engawa.db.people.Role.values()) {
            assertThat(english).contains("role." + role.name());
        }
        for (String lifetime : new String[] {"DAYS_30", "DAYS_90", "YEAR", "NEVER"}) {
            assertThat(english).contains("tokens.lifetime." + lifetime);
        }
        for (String category : engawa.portal.recipes.Categories.ALL) {
            assertThat(english).contains("recipes.category." + category);
        }
        for (engawa.portal.recipes.InputKind kind : engawa.portal.recipes.InputKind.values()) {
            assertThat(english).contains("recipes.kind." + kind.id());
        }
        for (engawa.db.catalog.ScorecardRule rule : engawa.db.catalog.ScorecardRule.values()) {
            assertThat(english).contains("scorecard.rule." + rule.textKey(), "scorecard.rule." + rule.textKey() + ".short");
        }
        for (engawa.db.recipes.RunStatus status : engawa.db.recipes.RunStatus.values()) {
            assertThat(english).contains("recipes.run.status." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void unsupported_languages_fall_back_to_english() {
        assertThat(Translations.supportedOrEnglish(Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
        assertThat(Translations.supportedOrEnglish(Locale.JAPAN)).isEqualTo(Locale.JAPANESE);
        assertThat(Translations.fromTag("ja-JP")).isEqualTo(Locale.JAPANESE);
        assertThat(Translations.fromTag(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void a_refusal_reads_in_the_readers_language_and_keeps_apostrophes() {
        UserFacingException e = UserFacingException.invalid("people.user.exists", "hana");
        assertThat(e.getMessage()).isEqualTo("The username \"hana\" is taken. Choose another one.");
        assertThat(e.messageIn(Locale.JAPANESE)).isEqualTo("ユーザー名「hana」は既に使われています。別の名前を選んでください。");
        assertThat(UserFacingException.invalid("validation.teamName.required").getMessage()).isEqualTo("Enter the team's name.");
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
