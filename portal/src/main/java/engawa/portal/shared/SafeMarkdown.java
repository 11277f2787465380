package engawa.portal.shared;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What people write (recipe steps, session descriptions): Markdown rendered by commonmark, then sanitised by the OWASP policy, whatever the
 * Markdown held. Raw HTML in the Markdown is escaped by the renderer already; the sanitiser is the
 * second wall, and the one that decides: only formatting, lists, tables, code, images over
 * https and links over http(s) or mailto survive, links open safely, nothing runs.
 */
public final class SafeMarkdown {

    public static final int MAX_LENGTH = 20_000;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a").allowUrlProtocols("https", "http", "mailto").allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer").allowAttributes("title").onElements("a")
                    .allowElements("img").allowAttributes("src").matching(
                            (String element, String attribute, String value) -> value.startsWith("https://") ? value : null)
                    .onElements("img").allowAttributes("alt", "title").onElements("img")
                    .allowElements("pre", "code", "hr", "br")
                    .toFactory());

    private SafeMarkdown() {
    }

    /** Safe HTML for the browser and the API. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
