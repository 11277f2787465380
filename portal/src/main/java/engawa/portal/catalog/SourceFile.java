package engawa.portal.catalog;

import engawa.portal.shared.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One catalog file of an import: pasted text, or a file stored on disk while its upload lasts (so
 * that what an upload unpacks to never sits in memory, nor in anyone's session). Checked when made:
 * UTF-8, not empty, and no line longer than {@link #MAX_LINE_CHARACTERS}, since one very long line
 * (a scalar of millions of characters) takes the YAML reader seconds per megabyte.
 */
public final class SourceFile {

    /** Longer than any description or URL in a real catalog; what YAML reads slowly is far longer. */
    public static final int MAX_LINE_CHARACTERS = 64 * 1024;

    private final String name;
    private final String text;
    private final Path stored;

    /** Text at hand (pasted, a test's, the demo's), checked as an upload is. */
    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.stored = null;
        check(new StringReader(text), name);
    }

    private SourceFile(String name, Path stored) {
        this.name = name;
        this.text = null;
        this.stored = stored;
    }

    /** A file stored by an upload; refused when empty, not UTF-8 or with an overlong line. */
    static SourceFile stored(String name, Path file) {
        SourceFile source = new SourceFile(name, file);
        try (Reader reader = source.open()) {
            check(reader, name);
        } catch (IOException e) {
            throw UserFacingException.invalid("catalog.import.notText");
        }
        return source;
    }

    public String name() {
        return name;
    }

    /** Where an uploaded file is kept; null for text at hand. */
    Path stored() {
        return stored;
    }

    /** The file's text, read as strict UTF-8. */
    public Reader open() throws IOException {
        if (text != null) {
            return new StringReader(text);
        }
        return new BufferedReader(new InputStreamReader(Files.newInputStream(stored), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }

    /** About how many documents the file holds, for the progress bar: one more than its {@code ---} lines. */
    int documents() {
        try (BufferedReader reader = new BufferedReader(open())) {
            int documents = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("---")) {
                    documents++;
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Reader reader, String name) {
        try {
            char[] buffer = new char[16 * 1024];
            long characters = 0;
            int line = 1;
            int lineLength = 0;
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                        lineLength = 0;
                    } else if (++lineLength > MAX_LINE_CHARACTERS) {
                        throw UserFacingException.invalid("catalog.import.lineTooLong", name, line, MAX_LINE_CHARACTERS / 1024);
                    }
                }
                characters += n;
            }
            if (characters == 0) {
                throw UserFacingException.invalid("catalog.import.empty");
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw UserFacingException.invalid("catalog.import.notText");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
