package engawa.portal.catalog;

import engawa.portal.catalog.backstage.ImportProblem;
import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do: counts per kind, the entities that change,
 * and every document that cannot be taken with its file, document number and reason. Long lists
 * are cut at {@link #MAX_LISTED}; the counts are always whole.
 *
 * @param changes what is created or updated, in file order
 * @param problems what cannot be taken (or was taken in part), in file order
 */
public record ImportReport(boolean dryRun, List<KindCount> counts, List<Item> changes, int changesLeftOut,
        List<ImportProblem> problems, int problemsLeftOut, long millis) {

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
