package engawa.portal.people;

import java.security.SecureRandom;

/**
 * Passwords the portal chooses (an admin's reset, the first admin's): four groups of four from
 * letters and digits that cannot be mistaken for each other when read aloud or copied by hand,
 * about 79 bits; changed by their owner at the next sign-in.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
