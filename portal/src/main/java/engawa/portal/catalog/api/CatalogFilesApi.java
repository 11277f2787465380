package engawa.portal.catalog.api;

import engawa.portal.catalog.CatalogExport;
import engawa.portal.catalog.CatalogImport;
import engawa.portal.catalog.CatalogUploads;
import engawa.portal.catalog.ImportReport;
import engawa.portal.catalog.SourceFile;
import engawa.portal.catalog.UploadArea;
import engawa.portal.shared.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backstage catalog-info.yaml in ({@code POST /catalog/import}: one YAML file, several files as a
 * form upload, or a {@code .zip} / {@code .tar.gz} of a catalog repository) and out
 * ({@code GET /catalog/export}).
 */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogFilesApi {

    static final String YAML = "application/yaml";

    private final CatalogImport imports;
    private final CatalogExport export;

    CatalogFilesApi(CatalogImport imports, CatalogExport export) {
        this.imports = imports;
        this.export = export;
    }

    /**
     * One YAML stream of any number of documents. {@code ?dryRun=true} reports what would change
     * and writes nothing. {@code ?file=} names the file in the report's problems.
     */
    @PostMapping(path = "/import", consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"},
            produces = "application/json")
    ImportReport importFile(@RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "catalog-info.yaml") String file, HttpServletRequest request) throws IOException {
        try (UploadArea area = new UploadArea()) {
            return imports.run(CatalogUploads.unpack(file, body(request), area), dryRun, CatalogImport.Progress.NONE);
        }
    }

    /**
     * A whole catalog repository as one archive, its Locations followed within it. The name (for
     * the report) says which kind it is when the media type does not.
     */
    @PostMapping(path = "/import", consumes = {"application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar+gzip", "application/x-compressed-tar"}, produces = "application/json")
    ImportReport importArchive(@RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String file, HttpServletRequest request) throws IOException {
        String name = file != null && CatalogUploads.isArchive(file) ? file
                : request.getContentType().startsWith("application/zip") ? "catalog.zip" : "catalog.tar.gz";
        try (UploadArea area = new UploadArea()) {
            return imports.run(CatalogUploads.unpack(name, body(request), area), dryRun, CatalogImport.Progress.NONE);
        }
    }

    /** Several files in one form upload (any part names), each a catalog file or an archive. */
    @PostMapping(path = "/import", consumes = "multipart/form-data", produces = "application/json")
    ImportReport importFiles(@RequestParam(defaultValue = "false") boolean dryRun, MultipartHttpServletRequest request)
            throws IOException {
        // one budget for every part together: 24 small archives unpack to no more than one may
        try (UploadArea area = new UploadArea()) {
            List<SourceFile> files = new ArrayList<>();
            for (MultipartFile part : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
                String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank() ? part.getName()
                        : part.getOriginalFilename();
                try (InputStream in = part.getInputStream()) {
                    files.addAll(CatalogUploads.unpack(name, in, area));
                }
            }
            if (files.isEmpty()) {
                throw UserFacingException.invalid("catalog.import.empty");
            }
            return imports.run(files, dryRun, CatalogImport.Progress.NONE);
        }
    }

    @GetMapping(path = "/export", produces = YAML)
    void exportFile(HttpServletResponse response) throws IOException {
        response.setContentType(YAML + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"catalog-info.yaml\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(out);
        out.flush();
    }

    /**
     * The body as a stream, refused at once when it says it is larger than an import may be; one that
     * does not say is cut off at that size.
     */
    private static InputStream body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > CatalogImport.MAX_BYTES) {
            throw tooLarge(declared);
        }
        InputStream in = request.getInputStream();
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > CatalogImport.MAX_BYTES) {
                    throw tooLarge(-1);
                }
            }
        };
    }

    private static UserFacingException tooLarge(long bytes) {
        return new UserFacingException(UserFacingException.Kind.TOO_LARGE, "catalog.import.tooLarge",
                bytes < 0 ? "more than 25" : String.valueOf(Math.round(bytes / 1024.0 / 1024.0)), CatalogImport.MAX_BYTES / 1024 / 1024);
    }
}
