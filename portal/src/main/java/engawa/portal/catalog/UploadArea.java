package engawa.portal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for what uploads unpack to, with what they may still take: one budget for
 * a whole request, or for a whole browser session on the import page, however many files or
 * archives it holds. Closing it deletes everything in it. Safe for uploads arriving at once.
 */
public final class UploadArea implements AutoCloseable {

    /** What all files of one upload may unpack to, together. */
    public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    public static final int MAX_FILES = 20_000;

    private final Path directory;
    private long bytes;
    private int files;

    public UploadArea() {
        try {
            this.directory = Files.createTempDirectory("engawa-upload-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary directory for an upload", e);
        }
    }

    Path newFile() throws IOException {
        return Files.createTempFile(directory, "catalog-", ".yaml");
    }

    /** @return whether one more file fits */
    synchronized boolean takeFile() {
        return ++files <= MAX_FILES;
    }

    /** How many more bytes may be unpacked. */
    synchronized long bytesLeft() {
        return MAX_UNPACKED_BYTES - bytes;
    }

    /** @return whether it still fits (uploads at once may together pass what each saw was left) */
    synchronized boolean took(long more) {
        bytes += more;
        return bytes <= MAX_UNPACKED_BYTES;
    }

    /** Deletes files no longer wanted (removed from the page, imported) and gives back what they took. */
    public synchronized void forget(java.util.Collection<SourceFile> gone) {
        for (SourceFile file : gone) {
            Path stored = file.stored();
            if (stored != null) {
                try {
                    bytes -= Files.size(stored);
                    files--;
                    Files.deleteIfExists(stored);
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the system's temporary directory is cleaned eventually
        }
    }
}
