package engawa.portal.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal API tokens: {@code egw_} followed by 256 random bits. Because they carry that much
 * entropy, a single SHA-256 is the right hash (as GitHub and Stripe do): a slow password hash
 * would add nothing but latency to every API call. See docs/decisions/003.
 */
final class ApiTokenCodec {

    static final String PREFIX = "egw_";
    static final int VISIBLE_PREFIX_LENGTH = PREFIX.length() + 6;
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenCodec() {
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    static String visiblePrefix(String token) {
        return token.substring(0, Math.min(VISIBLE_PREFIX_LENGTH, token.length()));
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
