package engawa.db.shared;

/** Text from outside (a receiver's reply, a workflow's message) made storable. */
public final class Texts {

    private Texts() {
    }

    /** PostgreSQL text cannot hold NUL; at most {@code max} characters, so that a write never fails on it. */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\u0000', '\uFFFD');
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
