package engawa.portal.people;

/**
 * Length is what makes a password strong (NIST SP 800-63B); we ask for no character classes, and
 * allow long pass phrases. The upper bound keeps Argon2 from hashing megabytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }
}
