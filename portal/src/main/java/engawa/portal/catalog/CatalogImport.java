package engawa.portal.catalog;

import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.people.Callers;
import engawa.portal.people.PeopleImport;
import engawa.portal.shared.UserFacingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

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

    public record SourceFile(String name, String text) {

        /** The file's bytes as text; refused when empty or not UTF-8, with what to do about it. */
        public static SourceFile decode(String name, byte[] bytes) {
            if (bytes.length == 0) {
                throw UserFacingException.invalid("catalog.import.empty");
            }
            try {
                return new SourceFile(name, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                throw UserFacingException.invalid("catalog.import.notText");
            }
        }
    }

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
    private final BatchPlanner planner;
    private final PendingReferences pending;
    private final PeopleImport people;
    private final Callers callers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogImport(BatchPlanner planner, PendingReferences pending, PeopleImport people, Callers callers, JdbcTemplate jdbc,
            Clock clock) {
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
    @Transactional
    public ImportReport run(List<SourceFile> files, boolean dryRun, Progress progress) {
        long started = System.nanoTime();
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, IMPORT_LOCK);
        ImportRun run = new ImportRun(callers.current(), progress,
                files.stream().mapToInt(f -> CatalogUploads.documentsIn(f.text())).sum(), people);
        ImportBatches batches = new ImportBatches(run, planner);
        progress.at(Step.READING, 0, run.documents);
        for (SourceFile file : files) {
            run.tally.file(file.name());
            parser.parse(file.name(), file.text(), batches);
        }
        batches.flush();
        CatalogUploads.follow(batches.locations, files.stream().map(SourceFile::name).toList()).forEach(run.tally::location);
        progress.at(Step.CHECKING, run.documents, run.documents);
        pending.resolve(run, clock.instant());
        ImportReport report = run.tally.report(dryRun, pending.stillOpen(run.tally.pending()),
                (System.nanoTime() - started) / 1_000_000);
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return report;
    }
}
