package engawa.portal.catalog;

import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.people.Callers;
import engawa.portal.people.PeopleImport;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports Backstage {@code catalog-info.yaml} files: Groups become teams (with their parents),
 * Users accounts that sign in through single sign-on (with their memberships), Components
 * services, and System, Domain, Resource and API the entities services refer to. Upserts by kind,
 * namespace and name. Everything that can be taken is written in one transaction, so an import is
 * all there or not at all; every document that cannot be taken is reported with its file,
 * document number, reference and a reason that says how to fix it. A dry run says the same
 * without writing. Admins import everything; members import what their teams own, never teams
 * or people.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CatalogImport {

    /** Larger files are refused before reading: about 50,000 services at once. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;
    /** One import at a time per database, so two cannot interleave their writes. */
    private static final long IMPORT_LOCK = 0x636174616c6f67L;
    /** How long an import waits for the one before it on this instance, holding no database connection. */
    private static final long WAIT_FOR_RUNNING_IMPORT_SECONDS = 10;

    public enum Step {
        READING, CHECKING, WRITING
    }

    /** Told how far an import is; called from the importing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> {
        };

        void at(Step step, int done, int total);
    }

    private final CatalogInfoParser parser = new CatalogInfoParser();
    /**
     * One import at a time on this instance: the others wait here, without a database connection,
     * so that imports never take the pool that everyone else's requests need.
     */
    private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(1, true);
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final BatchPlanner planner;
    private final PendingReferences pending;
    private final PeopleImport people;
    private final Callers callers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogImport(BatchPlanner planner, PendingReferences pending, PeopleImport people, Callers callers, JdbcTemplate jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.planner = planner;
        this.pending = pending;
        this.people = people;
        this.callers = callers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reads the files document by document and checks and writes them a batch at a time, in one
     * transaction: a catalog of any size needs the memory of one batch, and is there whole or not at
     * all. References to what is not here yet are kept as pending and resolved at the end, so the
     * files may come in any order. A dry run does all of it and then rolls it back, so its report is
     * exactly what the import would do.
     */
    public ImportReport run(List<SourceFile> files, boolean dryRun, Progress progress) {
        long started = System.nanoTime();
        Callers.Caller caller = callers.current();
        int documents = files.stream().mapToInt(SourceFile::documents).sum();
        try {
            if (!running.tryAcquire(WAIT_FOR_RUNNING_IMPORT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw UserFacingException.tooMany("catalog.import.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserFacingException.tooMany("catalog.import.busy");
        }
        try {
            return transaction.execute(status -> {
                ImportReport report = runLocked(caller, files, documents, dryRun, progress, started);
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return report;
            });
        } finally {
            running.release();
        }
    }

    private ImportReport runLocked(Callers.Caller caller, List<SourceFile> files, int documents, boolean dryRun,
            Progress progress, long started) {
        // another instance importing: say so at once rather than hold a connection waiting for it
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, IMPORT_LOCK))) {
            throw UserFacingException.tooMany("catalog.import.busy");
        }
        ImportRun run = new ImportRun(caller, progress, documents, people);
        ImportBatches batches = new ImportBatches(run, planner);
        progress.at(Step.READING, 0, run.documents);
        for (SourceFile file : files) {
            run.tally.file(file.name());
            try (java.io.Reader text = file.open()) {
                parser.parse(file.name(), text, batches);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        batches.flush();
        CatalogUploads.follow(batches.locations, files.stream().map(SourceFile::name).toList()).forEach(run.tally::location);
        progress.at(Step.CHECKING, run.documents, run.documents);
        pending.resolve(run, clock.instant());
        return run.tally.report(dryRun, pending.stillOpen(run.tally.pending()), (System.nanoTime() - started) / 1_000_000);
    }
}
