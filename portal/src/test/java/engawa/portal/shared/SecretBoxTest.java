package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path dataDir;

    @Test
    void a_sealed_secret_opens_with_the_same_key_only_and_never_shows_in_the_stored_form() {
        SecretBox box = new SecretBoxFactory().box(KEY, false, dataDir);
        byte[] secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0".getBytes(StandardCharsets.US_ASCII);

        byte[] sealed = box.seal(secret);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_");
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThat(box.seal(secret)).as("a fresh nonce every time").isNotEqualTo(sealed);
        SecretBox other = new SecretBox(new byte[32]);
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("was ENGAWA_SECRET_KEY changed?");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_the_embedded_database_a_key_file_is_made_once_readable_by_its_owner_only() throws Exception {
        SecretBox first = new SecretBoxFactory().box(null, false, dataDir);
        byte[] sealed = first.seal(new byte[] {1, 2, 3});

        SecretBox afterRestart = new SecretBoxFactory().box(null, false, dataDir);

        assertThat(afterRestart.open(sealed)).containsExactly(1, 2, 3);
        Path keyFile = dataDir.resolve(SecretKeyConfiguration.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void an_external_database_without_a_key_stops_the_start_with_instructions() {
        assertThatThrownBy(() -> new SecretBoxFactory().box(null, true, dataDir))
                .hasMessageContaining("ENGAWA_SECRET_KEY is not set").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretBoxFactory().box("c2hvcnQ=", true, dataDir))
                .hasMessageContaining("must hold base64 of 32 random bytes");
        assertThatThrownBy(() -> new SecretBoxFactory().box("not base64!", true, dataDir))
                .hasMessageContaining("is not base64");
    }

    /** The configuration's bean method, fed the few settings it reads. */
    static final class SecretBoxFactory {
        SecretBox box(String key, boolean external, Path dataDir) {
            EngawaProperties properties = new EngawaProperties(dataDir,
                    new EngawaProperties.Db(external ? "jdbc:postgresql://db.example.com/engawa" : null, null, null, true), true, null, key,
                    null);
            return new SecretKeyConfiguration().secretBox(properties);
        }
    }
}
