package engawa.portal.catalog;

import engawa.portal.catalog.CatalogImport.SourceFile;
import engawa.portal.catalog.ImportReport.LocationTarget;
import engawa.portal.catalog.backstage.ParsedLocation;
import engawa.portal.shared.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What people upload to the import: catalog files, several at once, or a whole catalog repository
 * as a {@code .zip} or {@code .tar.gz}. Archives are unpacked to their YAML files with their paths,
 * so that the Locations in them can be followed as Backstage follows them.
 */
public final class CatalogUploads {

    /** What a whole archive may unpack to: a guard against archives that unpack to far more than they are. */
    public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    public static final int MAX_FILES = 20_000;

    private CatalogUploads() {
    }

    public static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
    }

    /**
     * The catalog files of one upload: the file itself, or an archive's {@code .yaml} and
     * {@code .yml} files in the order they are stored, named by their path inside it.
     */
    public static List<SourceFile> unpack(String name, byte[] bytes) {
        if (!isArchive(name)) {
            return List.of(SourceFile.decode(name, bytes));
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return name.toLowerCase(Locale.ROOT).endsWith(".zip") ? unzip(in) : untar(in);
        } catch (IOException e) {
            throw UserFacingException.invalid("catalog.import.badArchive", name);
        }
    }

    private static List<SourceFile> unzip(InputStream in) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        Budget budget = new Budget();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    take(entry.getName(), zip, budget, files);
                }
            }
        }
        return files;
    }

    private static List<SourceFile> untar(InputStream in) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        Budget budget = new Budget();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    take(entry.getName(), tar, budget, files);
                }
            }
        }
        return files;
    }

    private static final class Budget {
        long bytes;
        int files;
    }

    private static void take(String entryName, InputStream in, Budget budget, List<SourceFile> files) throws IOException {
        String path = normalise(entryName);
        if (path == null || !isCatalogFileName(path)) {
            return;
        }
        if (++budget.files > MAX_FILES) {
            throw UserFacingException.invalid("catalog.import.archiveTooManyFiles", MAX_FILES);
        }
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - budget.bytes + 1));
        budget.bytes += content.length;
        if (budget.bytes > MAX_UNPACKED_BYTES) {
            throw UserFacingException.invalid("catalog.import.archiveTooLarge", MAX_UNPACKED_BYTES / 1024 / 1024);
        }
        if (content.length > 0) {
            files.add(SourceFile.decode(path, content));
        }
    }

    /** A path inside an archive as Locations name it; null for what is no catalog content (hidden, outside). */
    static String normalise(String entryName) {
        String path = entryName.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") || part.startsWith(".") || part.equals("__MACOSX")) {
                return null;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static boolean isCatalogFileName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** About how many documents a file holds, for the progress bar: one more than its {@code ---} lines. */
    static int documentsIn(String text) {
        int documents = 1;
        for (int at = text.indexOf("---"); at >= 0; at = text.indexOf("---", at + 3)) {
            if (at == 0 || text.charAt(at - 1) == '\n') {
                documents++;
            }
        }
        return documents;
    }

    /**
     * Every target of every Location, resolved as Backstage resolves it (relative to the Location's
     * own file) and followed when that file is in the upload; web addresses and files that are not
     * are reported with what to do about them.
     */
    static List<LocationTarget> follow(List<ParsedLocation> locations, Collection<String> uploaded) {
        Set<String> files = new HashSet<>(uploaded);
        List<LocationTarget> targets = new ArrayList<>();
        for (ParsedLocation location : locations) {
            String name = location.entityRef() == null ? "Location #" + location.documentIndex() : location.entityRef();
            if (location.targets().isEmpty()) {
                targets.add(new LocationTarget(location.file(), name, "", null, false,
                        "This Location names no target (spec.target or spec.targets)."));
            }
            for (String target : location.targets()) {
                String trimmed = target.strip();
                if (trimmed.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
                    targets.add(new LocationTarget(location.file(), name, target, null, false,
                            "A web address: Engawa reads only the files of the upload. Download the file and add it to"
                                    + " the upload."));
                    continue;
                }
                String path = relativeTo(location.file(), trimmed);
                if (path != null && files.contains(path)) {
                    targets.add(new LocationTarget(location.file(), name, target, path, true, null));
                } else if (path != null && (path.contains("*"))) {
                    targets.add(new LocationTarget(location.file(), name, target, path, false,
                            "Patterns (*) are not followed: add the files it means to the upload."));
                } else {
                    targets.add(new LocationTarget(location.file(), name, target, path, false, path == null
                            ? "This path leads outside the upload."
                            : path + " is not in this upload. Add it, or upload the whole folder as a .zip or .tar.gz."));
                }
            }
        }
        return targets;
    }

    /** {@code ./components/a.yaml} next to {@code catalog/all.yaml} is {@code catalog/components/a.yaml}. */
    static String relativeTo(String file, String target) {
        int slash = file.lastIndexOf('/');
        String base = slash < 0 ? "" : file.substring(0, slash + 1);
        String joined = target.startsWith("/") ? target : base + target;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
