package engawa.portal.catalog;

import engawa.portal.catalog.CatalogImport.Step;
import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.catalog.backstage.ParsedLocation;
import engawa.portal.catalog.backstage.SkippedDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the parser's documents as they are read and checks and writes them {@value #CHUNK} at a
 * time, so that a catalog of any size needs the memory of one batch.
 */
final class ImportBatches implements CatalogInfoParser.Sink {

    static final int CHUNK = 250;

    private final ImportRun run;
    private final BatchPlanner planner;
    final List<ParsedLocation> locations = new ArrayList<>();
    private final List<ParsedEntity> batch = new ArrayList<>();
    private int read;

    ImportBatches(ImportRun run, BatchPlanner planner) {
        this.run = run;
        this.planner = planner;
    }

    @Override
    public void entity(ParsedEntity entity) {
        read++;
        batch.add(entity);
        if (batch.size() == CHUNK) {
            flush();
        }
    }

    @Override
    public void problem(ImportProblem problem) {
        read++;
        run.tally.problem(problem);
    }

    @Override
    public void location(ParsedLocation location) {
        read++;
        locations.add(location);
    }

    @Override
    public void skipped(SkippedDocument skipped) {
        read++;
        run.tally.skipped(skipped);
    }

    void flush() {
        if (!batch.isEmpty()) {
            planner.checkAndWrite(run, batch);
            batch.clear();
            run.progress.at(Step.WRITING, Math.min(read, run.documents), run.documents);
        }
    }
}
