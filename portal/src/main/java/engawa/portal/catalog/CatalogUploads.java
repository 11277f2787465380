package engawa.portal.catalog;

import engawa.portal.catalog.ImportReport.LocationTarget;
import engawa.portal.catalog.backstage.ParsedLocation;
import engawa.portal.shared.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private CatalogUploads() {
    }

    public static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
    }

    /**
     * The catalog files of one uploaded file, stored in {@code area} and counted against its
     * budget: the file itself, or an archive's {@code .yaml} and {@code .yml} files in the order
     * they are stored, named by their path inside it. Read as a stream: nothing is held whole in memory.
     */
    public static List<SourceFile> unpack(String name, InputStream in, UploadArea area) {
        try {
            if (!isArchive(name)) {
                return List.of(store(name, in, Math.min(CatalogImport.MAX_BYTES, area.bytesLeft()), area, false));
            }
            return name.toLowerCase(Locale.ROOT).endsWith(".zip") ? unzip(in, area) : untar(in, area);
        } catch (IOException e) {
            throw UserFacingException.invalid("catalog.import.badArchive", name);
        }
    }

    /** For what is at hand as bytes (tests, small uploads). */
    public static List<SourceFile> unpack(String name, byte[] bytes, UploadArea area) {
        return unpack(name, new ByteArrayInputStream(bytes), area);
    }

    private static List<SourceFile> unzip(InputStream in, UploadArea area) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    take(entry.getName(), zip, area, files);
                }
            }
        }
        return files;
    }

    private static List<SourceFile> untar(InputStream in, UploadArea area) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    take(entry.getName(), tar, area, files);
                }
            }
        }
        return files;
    }

    private static void take(String entryName, InputStream in, UploadArea area, List<SourceFile> files) throws IOException {
        String path = normalise(entryName);
        if (path == null || !isCatalogFileName(path)) {
            return;
        }
        if (!area.takeFile()) {
            throw UserFacingException.invalid("catalog.import.archiveTooManyFiles", UploadArea.MAX_FILES);
        }
        SourceFile file = store(path, in, area.bytesLeft(), area, true);
        if (file != null) {
            files.add(file);
        }
    }

    /**
     * Copies up to {@code limit} bytes to a file of the area; more is refused with what the limit is.
     *
     * @param inArchive whether an empty file is left out (in an archive) rather than refused (on its own)
     */
    private static SourceFile store(String name, InputStream in, long limit, UploadArea area, boolean inArchive)
            throws IOException {
        Path file = area.newFile();
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > limit) {
                    throw tooLarge(limit == area.bytesLeft());
                }
                out.write(buffer, 0, n);
            }
        }
        if (!area.took(copied)) {
            Files.deleteIfExists(file);
            throw tooLarge(true);
        }
        if (copied == 0 && inArchive) {
            return null;
        }
        return SourceFile.stored(name, file);
    }

    private static UserFacingException tooLarge(boolean overUploadBudget) {
        if (overUploadBudget) {
            return new UserFacingException(UserFacingException.Kind.TOO_LARGE, "catalog.import.uploadTooLarge",
                    UploadArea.MAX_UNPACKED_BYTES / 1024 / 1024);
        }
        return new UserFacingException(UserFacingException.Kind.TOO_LARGE, "catalog.import.tooLarge",
                "more than " + CatalogImport.MAX_BYTES / 1024 / 1024, CatalogImport.MAX_BYTES / 1024 / 1024);
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
