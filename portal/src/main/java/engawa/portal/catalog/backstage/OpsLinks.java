package engawa.portal.catalog.backstage;

import engawa.db.catalog.OpsLinkKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the standard operations links of a service in what Backstage files carry: typed or titled
 * {@code metadata.links} and the common annotations. The catalog keeps these as first-class
 * fields; the export writes them back as links with a {@code type}, which Backstage shows.
 */
public final class OpsLinks {

    /** The standard links every service page shows, in that order. */
    public enum Kind {
        LOGS("logs", "Logs", List.of("log", "kibana", "loki", "splunk", "papertrail")),
        METRICS("dashboard", "Metrics dashboard", List.of("metric", "dashboard", "grafana", "datadog", "prometheus")),
        ERRORS("error-tracking", "Error tracking", List.of("error", "sentry", "bugsnag", "rollbar")),
        ON_CALL("on-call", "On-call schedule", List.of("on-call", "oncall", "pagerduty", "opsgenie", "incident")),
        CI_CD("ci-cd", "CI/CD pipeline", List.of("ci", "cd", "pipeline", "build", "jenkins", "actions", "deploy", "circleci")),
        RUNBOOK("runbook", "Runbook", List.of("runbook", "playbook")),
        SOURCE("source", "Source code", List.of("source", "repo", "github", "gitlab", "bitbucket", "code")),
        DOCS("docs", "Documentation", List.of("doc", "wiki", "manual", "guide"));

        /** The {@code type} written on export, and the first thing recognised on import. */
        public final String linkType;
        /** The title written on export. */
        public final String title;

        /** The catalog's field for this kind of link. */
        public OpsLinkKind field() {
            return OpsLinkKind.valueOf(name());
        }

        public static Kind of(OpsLinkKind field) {
            return valueOf(field.name());
        }
        private final List<String> hints;

        Kind(String linkType, String title, List<String> hints) {
            this.linkType = linkType;
            this.title = title;
            this.hints = hints;
        }
    }

    private OpsLinks() {
    }

    /**
     * The standard links found: a link's {@code type}, then its title, then its icon decide; the
     * first link of a kind wins. The source repository also comes from the annotations
     * {@code backstage.io/source-location} and {@code github.com/project-slug}. Title words are a
     * heuristic ("Code of conduct" reads as source): the owner corrects it in the form.
     */
    public static Map<Kind, String> find(List<Link> links, Map<String, String> annotations) {
        Map<Kind, String> found = new EnumMap<>(Kind.class);
        for (Link link : links) {
            classify(link).ifPresent(kind -> found.putIfAbsent(kind, link.url()));
        }
        source(annotations).ifPresent(url -> found.putIfAbsent(Kind.SOURCE, url));
        return found;
    }

    /** A link as Backstage writes it; {@code type} and {@code icon} may be null. */
    public record Link(String url, String title, String type, String icon) {
    }

    /** A file's links sorted into the catalog's fields and the free links that remain. */
    public record Sorted(Map<OpsLinkKind, String> opsLinks, List<Link> otherLinks) {
    }

    /** The standard links as the catalog's fields; every link that is not one stays a free link. */
    public static Sorted sort(List<Link> links, Map<String, String> annotations) {
        Map<Kind, String> found = find(links, annotations);
        Map<OpsLinkKind, String> fields = new EnumMap<>(OpsLinkKind.class);
        found.forEach((kind, url) -> fields.put(kind.field(), url));
        java.util.Set<String> taken = new java.util.HashSet<>(found.values());
        List<Link> others = links.stream().filter(l -> !taken.remove(l.url())).toList();
        return new Sorted(fields, others);
    }

    static Optional<Kind> classify(Link link) {
        for (String text : new String[] {link.type(), link.title(), link.icon()}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String words = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
            String joined = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "");
            for (Kind kind : Kind.values()) {
                if (joined.equals(kind.linkType) || kind.hints.stream().anyMatch(h -> matches(words, h))) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    /** A hint matches a whole word, or the start of one for longer hints ("metrics" for "metric"). */
    private static boolean matches(String words, String hint) {
        String spaced = hint.replace('-', ' ');
        return words.contains(" " + spaced + " ") || (spaced.length() >= 3 && words.contains(" " + spaced));
    }

    private static Optional<String> source(Map<String, String> annotations) {
        String location = annotations.get("backstage.io/source-location");
        if (location != null && location.startsWith("url:")) {
            return Optional.of(location.substring(4).trim());
        }
        String slug = annotations.get("github.com/project-slug");
        if (slug != null && slug.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            return Optional.of("https://github.com/" + slug);
        }
        return Optional.empty();
    }
}
