package engawa.integrations.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form {@code whsec_<base64 of the key>}. New secrets
 * carry 32 random bytes (the specification asks for at least 24).
 */
public record WebhookSecret(byte[] key) {

    public static final String PREFIX = "whsec_";
    private static final int NEW_KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A webhook secret needs at least " + MIN_KEY_BYTES + " bytes of key");
        }
        key = key.clone();
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[NEW_KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Reads {@code whsec_…}; the prefix is optional, as the reference libraries accept. */
    public static WebhookSecret parse(String text) {
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        try {
            return new WebhookSecret(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is 'whsec_' followed by base64", e);
        }
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The form a subscriber stores: {@code whsec_<base64>}. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(key);
    }
}
