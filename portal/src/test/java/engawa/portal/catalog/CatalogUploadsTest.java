package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.portal.catalog.CatalogImport.SourceFile;
import engawa.portal.catalog.ImportReport.LocationTarget;
import engawa.portal.catalog.backstage.ParsedLocation;
import engawa.portal.shared.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** Archives unpack to their catalog files, and Locations are resolved as Backstage resolves them. */
class CatalogUploadsTest {

    @Test
    void a_zip_unpacks_to_its_yaml_files_with_their_paths_and_nothing_else() throws IOException {
        byte[] zip = zip("catalog/all.yaml", "kind: Location", "catalog/components/a.yml", "a: 1", "README.md", "# hi",
                "catalog/.git/config.yaml", "x: 1", "__MACOSX/catalog/._all.yaml", "junk", "../escape.yaml", "x: 1");

        List<SourceFile> files = CatalogUploads.unpack("repo.zip", zip);

        assertThat(files).extracting(SourceFile::name).containsExactly("catalog/all.yaml", "catalog/components/a.yml");
        assertThat(files.get(1).text()).isEqualTo("a: 1");
    }

    @Test
    void a_tar_gz_unpacks_like_a_zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (String[] file : new String[][] {{"./all.yaml", "kind: Location"}, {"./apis/x.yaml", "kind: API"}}) {
                byte[] content = file[1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file[0]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        assertThat(CatalogUploads.unpack("repo.tar.gz", bytes.toByteArray())).extracting(SourceFile::name)
                .containsExactly("all.yaml", "apis/x.yaml");
    }

    @Test
    void a_broken_archive_says_so_and_a_plain_file_is_taken_as_it_is() {
        assertThatThrownBy(() -> CatalogUploads.unpack("repo.tar.gz", "not gzip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("could not be unpacked");
        assertThat(CatalogUploads.unpack("catalog-info.yaml", "kind: Component".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("catalog-info.yaml"));
    }

    @Test
    void an_archive_that_unpacks_to_more_than_the_limit_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("huge.yaml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < CatalogUploads.MAX_UNPACKED_BYTES / spaces.length + 1; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).as("it packs small").isLessThan(2 * 1024 * 1024);
        assertThatThrownBy(() -> CatalogUploads.unpack("bomb.zip", bytes.toByteArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("unpacks to more than 256 MB");
    }

    @Test
    void location_targets_are_relative_to_their_own_file_and_followed_only_inside_the_upload() {
        ParsedLocation location = new ParsedLocation("catalog/all.yaml", 1, "location:default/all", List.of(
                "./components/a.yaml", "../shared/b.yaml", "../../outside.yaml", "https://github.com/x/y/blob/main/c.yaml",
                "./missing.yaml", "./apis/*.yaml"));

        List<LocationTarget> targets = CatalogUploads.follow(List.of(location),
                List.of("catalog/all.yaml", "catalog/components/a.yaml", "shared/b.yaml"));

        assertThat(targets).extracting(LocationTarget::path, LocationTarget::followed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("catalog/components/a.yaml", true),
                org.assertj.core.groups.Tuple.tuple("shared/b.yaml", true),
                org.assertj.core.groups.Tuple.tuple(null, false),
                org.assertj.core.groups.Tuple.tuple(null, false),
                org.assertj.core.groups.Tuple.tuple("catalog/missing.yaml", false),
                org.assertj.core.groups.Tuple.tuple("catalog/apis/*.yaml", false));
        assertThat(targets.get(3).reason()).contains("web address");
        assertThat(targets.get(4).reason()).contains("catalog/missing.yaml is not in this upload").contains(".zip");
        assertThat(targets.get(5).reason()).contains("Patterns");
    }

    @Test
    void the_progress_counts_documents_by_their_separators() {
        assertThat(CatalogUploads.documentsIn("a: 1\n---\nb: 2\n---\nc: ---\n")).isEqualTo(3);
    }

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
