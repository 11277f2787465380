package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    final UploadArea area = new UploadArea();

    @org.junit.jupiter.api.AfterEach
    void deleteUploads() {
        area.close();
    }

    static String text(SourceFile file) throws IOException {
        try (java.io.Reader reader = file.open()) {
            StringBuilder text = new StringBuilder();
            reader.transferTo(new java.io.Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    text.append(chars, offset, length);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            return text.toString();
        }
    }

    @Test
    void small_archives_in_one_upload_share_one_budget_and_what_is_forgotten_is_given_back() throws IOException {
        byte[] half = zipOfSpaces(UploadArea.MAX_UNPACKED_BYTES / 2 + 1024 * 1024);
        List<SourceFile> first = CatalogUploads.unpack("one.zip", half, area);
        assertThatThrownBy(() -> CatalogUploads.unpack("two.zip", half, area))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("unpacks to more than 256 MB of catalog files in all");
        area.forget(first);
        assertThat(CatalogUploads.unpack("three.zip", half, area)).hasSize(1);
    }

    @Test
    void a_line_of_a_million_characters_is_refused_before_any_yaml_is_read() {
        String line = "description: " + "a".repeat(1_000_000);
        assertThatThrownBy(() -> CatalogUploads.unpack("big.yaml", ("kind: Component\n" + line).getBytes(StandardCharsets.UTF_8),
                area)).isInstanceOf(UserFacingException.class).hasMessageContaining("big.yaml: line 2 is longer than 64 KB");
        assertThatThrownBy(() -> new SourceFile("pasted", line)).isInstanceOf(UserFacingException.class);
    }

    private static byte[] zipOfSpaces(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("spaces.yaml"));
            byte[] spaces = new byte[1024 * 1024];
            for (int i = 0; i < spaces.length; i++) {
                spaces[i] = (byte) (i % 80 == 79 ? '\n' : ' ');
            }
            for (long written = 0; written < size; written += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void a_zip_unpacks_to_its_yaml_files_with_their_paths_and_nothing_else() throws IOException {
        byte[] zip = zip("catalog/all.yaml", "kind: Location", "catalog/components/a.yml", "a: 1", "README.md", "# hi",
                "catalog/.git/config.yaml", "x: 1", "__MACOSX/catalog/._all.yaml", "junk", "../escape.yaml", "x: 1");

        List<SourceFile> files = CatalogUploads.unpack("repo.zip", zip, area);

        assertThat(files).extracting(SourceFile::name).containsExactly("catalog/all.yaml", "catalog/components/a.yml");
        assertThat(text(files.get(1))).isEqualTo("a: 1");
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
        assertThat(CatalogUploads.unpack("repo.tar.gz", bytes.toByteArray(), area)).extracting(SourceFile::name)
                .containsExactly("all.yaml", "apis/x.yaml");
    }

    @Test
    void a_broken_archive_says_so_and_a_plain_file_is_taken_as_it_is() {
        assertThatThrownBy(() -> CatalogUploads.unpack("repo.tar.gz", "not gzip".getBytes(StandardCharsets.UTF_8), area))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("could not be unpacked");
        assertThat(CatalogUploads.unpack("catalog-info.yaml", "kind: Component".getBytes(StandardCharsets.UTF_8), area))
                .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("catalog-info.yaml"));
    }

    @Test
    void an_archive_that_unpacks_to_more_than_the_limit_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("huge.yaml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < UploadArea.MAX_UNPACKED_BYTES / spaces.length + 1; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).as("it packs small").isLessThan(2 * 1024 * 1024);
        assertThatThrownBy(() -> CatalogUploads.unpack("bomb.zip", bytes.toByteArray(), area))
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
        assertThat(new SourceFile("a.yaml", "a: 1\n---\nb: 2\n---\nc: ---\n").documents()).isEqualTo(3);
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
