package engawa.portal.catalog;

import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.ImportReport.FileSummary;
import engawa.portal.catalog.ImportReport.Item;
import engawa.portal.catalog.ImportReport.KindCount;
import engawa.portal.catalog.ImportReport.LocationTarget;
import engawa.portal.catalog.ImportReport.Unresolved;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.catalog.backstage.SkippedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an import has decided so far, across the batches it reads and writes one after another:
 * whole counts, and lists kept up to {@link ImportReport#MAX_LISTED} so that a catalog of any size
 * needs no more memory than its first thousand of each. Not shared between threads.
 */
final class ImportTally {

    private static final List<String> KIND_ORDER = List.of("Group", "User", "Domain", "System", "Resource", "API",
            "Component");
    private static final Comparator<Item> IN_FILE_ORDER = Comparator.comparingInt(Item::documentIndex);

    /** Where an entity was first met, and a hash of it, to tell a copy from a conflict. */
    record Seen(String file, int documentIndex, int hash) {
    }

    /** Every entity reference met, lower case: the first of two with one reference is taken. */
    final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, int[]> files = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    private int itemsLeftOut;
    private final List<ImportProblem> problems = new ArrayList<>();
    private int problemsLeftOut;
    private final List<SkippedDocument> skipped = new ArrayList<>();
    private int skippedLeftOut;
    private final List<Unresolved> pending = new ArrayList<>();
    private final List<LocationTarget> locations = new ArrayList<>();

    void file(String name) {
        files.computeIfAbsent(name, n -> new int[6]);
    }

    void count(ParsedEntity entity, Action action, List<String> changedFields) {
        counts.computeIfAbsent(entity.entity().kind(), k -> new int[3])[action.ordinal()]++;
        int[] file = files.computeIfAbsent(entity.file(), n -> new int[6]);
        file[0]++;
        file[1 + action.ordinal()]++;
        if (action != Action.UNCHANGED) {
            if (items.size() < ImportReport.MAX_LISTED) {
                items.add(new Item(entity.file(), entity.documentIndex(), entity.entity().kind(),
                        entity.entity().ref().toString(), action, changedFields));
            } else {
                itemsLeftOut++;
            }
        }
    }

    void problem(ImportProblem problem) {
        files.computeIfAbsent(problem.file(), n -> new int[6])[4]++;
        if (problems.size() < ImportReport.MAX_LISTED) {
            problems.add(problem);
        } else {
            problemsLeftOut++;
        }
    }

    void skipped(SkippedDocument document) {
        files.computeIfAbsent(document.file(), n -> new int[6])[5]++;
        if (skipped.size() < ImportReport.MAX_LISTED) {
            skipped.add(document);
        } else {
            skippedLeftOut++;
        }
    }

    /** A reference kept for later; whether it is still open is decided at the end of the import. */
    void pending(ParsedEntity entity, String field, String target, String reason) {
        pending.add(new Unresolved(entity.file(), entity.documentIndex(), entity.entity().ref().toString(), field, target,
                reason));
    }

    List<Unresolved> pending() {
        return pending;
    }

    void location(LocationTarget target) {
        locations.add(target);
    }

    ImportReport report(boolean dryRun, Predicate<Unresolved> stillOpen, long millis) {
        List<KindCount> kindCounts = KIND_ORDER.stream().filter(counts::containsKey)
                .map(k -> new KindCount(k, counts.get(k)[0], counts.get(k)[1], counts.get(k)[2])).toList();
        Map<String, Integer> fileOrder = new HashMap<>();
        files.keySet().forEach(f -> fileOrder.put(f, fileOrder.size()));
        Comparator<String> byUpload = Comparator.comparingInt(f -> fileOrder.getOrDefault(f, Integer.MAX_VALUE));
        List<Unresolved> open = pending.stream().filter(stillOpen).sorted(Comparator.comparing(Unresolved::file, byUpload)
                .thenComparingInt(Unresolved::documentIndex)).toList();
        List<FileSummary> summaries = files.entrySet().stream().map(f -> new FileSummary(f.getKey(), f.getValue()[0],
                f.getValue()[1], f.getValue()[2], f.getValue()[3], f.getValue()[4], f.getValue()[5])).toList();
        return new ImportReport(dryRun, kindCounts,
                items.stream().sorted(Comparator.comparing(Item::file, byUpload).thenComparing(IN_FILE_ORDER)).toList(),
                itemsLeftOut,
                problems.stream().sorted(Comparator.comparing(ImportProblem::file, byUpload)
                        .thenComparingInt(ImportProblem::documentIndex)).toList(), problemsLeftOut,
                open.stream().limit(ImportReport.MAX_LISTED).toList(), Math.max(0, open.size() - ImportReport.MAX_LISTED),
                summaries, locations.stream().limit(ImportReport.MAX_LISTED).toList(), skipped, skippedLeftOut, millis,
                engawa.portal.shared.ImportRule.TEXT);
    }
}
