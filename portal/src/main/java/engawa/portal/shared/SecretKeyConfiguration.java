package engawa.portal.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key of the {@link SecretBox} comes from: {@code ENGAWA_SECRET_KEY} when set (required
 * with an external database, because every instance must share it); otherwise, with the embedded
 * database, a key file made once in the data directory, readable by its owner only. Losing the key
 * means re-creating webhook subscriptions, nothing else.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    static final String KEY_FILE = "secret.key";

    @Bean
    SecretBox secretBox(EngawaProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return new SecretBox(decode(properties.secretKey().trim(), "ENGAWA_SECRET_KEY"));
        }
        if (properties.db().isExternal()) {
            throw new IllegalStateException("ENGAWA_SECRET_KEY is not set. With an external database every instance needs"
                    + " the same key to encrypt stored secrets: create one with `openssl rand -base64 32` and give it"
                    + " to all instances.");
        }
        return new SecretBox(keyFile(properties.dataDir().resolve(KEY_FILE)));
    }

    private static byte[] keyFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] key = new byte[SecretBox.KEY_BYTES];
                new SecureRandom().nextBytes(key);
                try {
                    createOwnerOnly(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE,
                            StandardOpenOption.SYNC);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: read theirs
                }
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    /** Created readable by its owner only from the first moment, not narrowed afterwards. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
            Files.createFile(file);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException(source + " must hold base64 of 32 random bytes (`openssl rand -base64 32`),"
                        + " not " + key.length + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64. Create a key with `openssl rand -base64 32`.", e);
        }
    }
}
