package engawa.portal.shared;

/**
 * The one rule of every file import (Backstage catalog files, OpenSLO), stated in each answer: like
 * Backstage's own processing, one team's broken document does not hold back everyone else's.
 */
public final class ImportRule {

    public static final String TEXT = "Every document that can be taken is written (a dry run writes nothing);"
            + " each one that cannot is listed under problems with what to fix, and was not written.";

    private ImportRule() {
    }
}
