package engawa.portal.catalog;

import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.SkippedDocument;
import engawa.portal.shared.ImportRule;
import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do: counts per kind, the entities that change,
 * and every document that cannot be taken with its file, document number and reason. Long lists
 * are cut at {@link #MAX_LISTED}; the counts are always whole.
 *
 * @param changes what is created or updated, in file order
 * @param problems what cannot be taken (or was taken in part), in file order
 * @param unresolved references to teams, people or parents that are not in Engawa yet, after this
 *        import: taken all the same, they resolve when what they name is imported
 * @param files what each file of the upload held, in upload order
 * @param locations every target of every Location in the upload: followed or not, and why
 * @param skipped documents that need no fixing but are not part of Engawa's catalog
 * @param rule what an import does with documents it cannot take ({@link ImportRule})
 */
public record ImportReport(boolean dryRun, List<KindCount> counts, List<Item> changes, int changesLeftOut,
        List<ImportProblem> problems, int problemsLeftOut, List<Unresolved> unresolved, int unresolvedLeftOut,
        List<FileSummary> files, List<LocationTarget> locations, List<SkippedDocument> skipped, int skippedLeftOut,
        long millis, String rule) {

    public static final int MAX_LISTED = 1000;

    public enum Action {
        CREATE, UPDATE, UNCHANGED
    }

    /** @param kind Backstage's kind: Group, User, System, Domain, Resource, API, Component */
    public record KindCount(String kind, int created, int updated, int unchanged) {
    }

    /** @param changedFields for an update, the fields that change */
    public record Item(String file, int documentIndex, String kind, String ref, Action action, List<String> changedFields) {
    }

    /**
     * A reference kept for later.
     *
     * @param field {@code owner}, {@code parent} or {@code memberOf}
     * @param target what it names, as written
     * @param reason what it means and what resolves it
     */
    public record Unresolved(String file, int documentIndex, String entityRef, String field, String target, String reason) {
    }

    /** One file of the upload: how many of its documents were taken, changed, refused or skipped. */
    public record FileSummary(String file, int entities, int created, int updated, int unchanged, int problems,
            int skipped) {
    }

    /**
     * @param target as written in the Location
     * @param path the file it names within the upload, when it is a path
     * @param reason why it was not followed; null when it was
     */
    public record LocationTarget(String file, String location, String target, String path, boolean followed,
            String reason) {
    }

    public int created() {
        return counts.stream().mapToInt(KindCount::created).sum();
    }

    public int updated() {
        return counts.stream().mapToInt(KindCount::updated).sum();
    }

    public int unchanged() {
        return counts.stream().mapToInt(KindCount::unchanged).sum();
    }

    public int problemCount() {
        return problems.size() + problemsLeftOut;
    }
}
