package engawa.portal.catalog.backstage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code catalog-info.yaml} files (several documents separated by {@code ---}) and checks
 * every document against Backstage's rules, so that each valid entity can be taken and every
 * other one is reported with file, document number, entity reference and a reason that says how
 * to fix it. Plain data only (SnakeYAML's safe constructor): a file cannot make us build objects.
 * Thread-safe.
 */
public final class CatalogInfoParser {

    public static final int MAX_NAME_LENGTH = 63;
    /**
     * What one document may hold (SnakeYAML counts it per document): far more than any entity with an
     * inline API definition; the upload's own limits and line length are checked before this.
     */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$");
    static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$");
    static final List<String> KINDS = List.of("Component", "API", "Resource", "System", "Domain", "Group", "User");

    /** What each kind must have in {@code spec}, after Backstage's own schemas (leniently for Group and User). */
    private static final Map<String, List<String>> REQUIRED_SPEC = Map.of(
            "component", List.of("type", "lifecycle", "owner"),
            "api", List.of("type", "lifecycle", "owner", "definition"),
            "resource", List.of("type", "owner"),
            "system", List.of("owner"),
            "domain", List.of("owner"),
            "group", List.of("type"),
            "user", List.of());

    /** Where the documents of a file go, one at a time, as they are read. */
    public interface Sink {
        void entity(ParsedEntity entity);

        void problem(ImportProblem problem);

        default void location(ParsedLocation location) {
        }

        default void skipped(SkippedDocument skipped) {
        }
    }

    /** Keeps everything it is handed, for files small enough to hold whole (and for tests). */
    public static final class Collected implements Sink {
        public final List<ParsedEntity> entities = new ArrayList<>();
        public final List<ImportProblem> problems = new ArrayList<>();
        public final List<ParsedLocation> locations = new ArrayList<>();
        public final List<SkippedDocument> skipped = new ArrayList<>();

        @Override
        public void entity(ParsedEntity entity) {
            entities.add(entity);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }

        @Override
        public void location(ParsedLocation location) {
            locations.add(location);
        }

        @Override
        public void skipped(SkippedDocument document) {
            skipped.add(document);
        }
    }

    /** The whole file at once: its entities and problems (Locations and skipped documents left out). */
    public ParsedFile parse(String file, String yamlText) {
        Collected collected = new Collected();
        parse(file, yamlText, collected);
        return new ParsedFile(collected.entities, collected.problems);
    }

    /**
     * Reads the documents one after another and hands each to {@code sink} before reading the
     * next, so that a large file never has all its documents in memory at once.
     */
    public void parse(String file, String yamlText, Sink sink) {
        parse(file, new java.io.StringReader(yamlText), sink);
    }

    /** As {@link #parse(String, String, Sink)}, reading as it goes: a file on disk is never held whole. */
    public void parse(String file, java.io.Reader yamlText, Sink sink) {
        Set<String> seen = new HashSet<>();
        int index = 0;
        try {
            for (Object document : yaml().loadAll(yamlText)) {
                index++;
                if (document == null) {
                    continue; // an empty document between two ---
                }
                Checked checked = check(document);
                if (checked.location != null) {
                    sink.location(new ParsedLocation(file, index, checked.ref, checked.location));
                } else if (checked.skipped != null) {
                    sink.skipped(new SkippedDocument(file, index, checked.ref, checked.skipped));
                } else if (checked.problem != null) {
                    sink.problem(new ImportProblem(file, index, checked.ref, checked.problem));
                } else if (!seen.add(checked.entity.ref().toString())) {
                    sink.problem(new ImportProblem(file, index, checked.entity.ref().toString(),
                            "This entity appears twice in the file; the first one is taken. Remove or rename this one."));
                } else {
                    sink.entity(new ParsedEntity(file, index, checked.entity));
                }
            }
        } catch (YAMLException e) {
            sink.problem(new ImportProblem(file, index + 1, null, "This is not valid YAML" + where(e)
                    + ". Nothing after this point of the file was read; fix it and import the file again."));
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50); // no "billion laughs"
        options.setNestingDepthLimit(50);
        return new Yaml(new SafeConstructor(options));
    }

    private static String where(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return " (" + marked.getProblem() + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
        }
        return " (" + e.getMessage() + ")";
    }

    private record Checked(BackstageEntity entity, String ref, String problem, String skipped, List<String> location) {
        Checked(BackstageEntity entity, String ref, String problem) {
            this(entity, ref, problem, null, null);
        }

        static Checked problem(String ref, String reason) {
            return new Checked(null, ref, reason);
        }

        static Checked skipped(String ref, String reason) {
            return new Checked(null, ref, null, reason, null);
        }
    }

    private static Checked check(Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            return Checked.problem(null, "Each document must be a mapping with apiVersion, kind, metadata and spec;"
                    + " this one is " + describe(document) + ".");
        }
        Object apiVersion = root.get("apiVersion");
        Object kindValue = root.get("kind");
        if (apiVersion == null && kindValue == null) {
            return Checked.skipped(null, "Not a Backstage entity (no apiVersion and kind), so not read: an OpenAPI or"
                    + " other definition beside the catalog files, say.");
        }
        if (!(apiVersion instanceof String version) || !version.startsWith("backstage.io/")) {
            return Checked.problem(null, "apiVersion must be backstage.io/v1alpha1 or backstage.io/v1beta1, not " + apiVersion + ".");
        }
        if (!(kindValue instanceof String kindText) || kindText.isBlank()) {
            return Checked.problem(null, "kind is missing. Engawa imports " + String.join(", ", KINDS) + ".");
        }
        String kind = KINDS.stream().filter(k -> k.equalsIgnoreCase(kindText.trim())).findFirst().orElse(null);
        Map<?, ?> metadata = root.get("metadata") instanceof Map<?, ?> m ? m : null;
        String rawName = metadata == null ? null : text(metadata.get("name"));
        String rawNamespace = metadata == null || metadata.get("namespace") == null ? EntityRef.DEFAULT_NAMESPACE
                : text(metadata.get("namespace"));
        String ref = rawName == null ? null : kindText.trim().toLowerCase(Locale.ROOT) + ":" + rawNamespace + "/" + rawName;
        if (kind == null && kindText.trim().equalsIgnoreCase("Location")) {
            Map<?, ?> spec = root.get("spec") instanceof Map<?, ?> s ? s : Map.of();
            List<String> targets = new ArrayList<>();
            if (spec.get("target") != null) {
                targets.add(String.valueOf(spec.get("target")));
            }
            if (spec.get("targets") instanceof List<?> list) {
                list.stream().filter(t -> t != null).forEach(t -> targets.add(String.valueOf(t)));
            }
            return new Checked(null, ref, null, null, List.copyOf(targets));
        }
        if (kind == null) {
            return Checked.skipped(ref, "kind " + kindText + " is not part of Engawa's catalog, so it was left out."
                    + " Engawa imports " + String.join(", ", KINDS) + ".");
        }
        if (metadata == null) {
            return Checked.problem(null, "metadata is missing: every entity needs at least metadata.name.");
        }
        if (rawName == null || rawName.isBlank()) {
            return Checked.problem(null, "metadata.name is missing.");
        }
        if (rawName.length() > MAX_NAME_LENGTH || !NAME.matcher(rawName).matches()) {
            return Checked.problem(ref, "The name \"" + rawName + "\" is not allowed: use at most " + MAX_NAME_LENGTH
                    + " letters and digits, joined by single - _ or . (for example " + suggestName(rawName) + ").");
        }
        if (rawNamespace == null || rawNamespace.length() > MAX_NAME_LENGTH || !NAMESPACE.matcher(rawNamespace).matches()) {
            return Checked.problem(ref, "The namespace \"" + rawNamespace + "\" is not allowed: use lower-case letters and"
                    + " digits joined by -, at most " + MAX_NAME_LENGTH + " characters.");
        }
        List<String> tags = new ArrayList<>();
        Object tagValue = metadata.get("tags");
        if (tagValue != null) {
            if (!(tagValue instanceof List<?> tagList)) {
                return Checked.problem(ref, "metadata.tags must be a list.");
            }
            for (Object tag : tagList) {
                String t = text(tag);
                if (t == null || t.length() > MAX_NAME_LENGTH || !TAG.matcher(t).matches()) {
                    return Checked.problem(ref, "The tag \"" + tag + "\" is not allowed: tags are lower-case letters, digits"
                            + " and : + #, joined by -, at most " + MAX_NAME_LENGTH + " characters (for example "
                            + suggestTag(String.valueOf(tag)) + ").");
                }
                tags.add(t);
            }
        }
        List<BackstageEntity.Link> links = new ArrayList<>();
        Object linkValue = metadata.get("links");
        if (linkValue != null) {
            if (!(linkValue instanceof List<?> linkList)) {
                return Checked.problem(ref, "metadata.links must be a list of {url, title}.");
            }
            for (Object link : linkList) {
                String url = link instanceof Map<?, ?> l ? text(l.get("url")) : null;
                if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    return Checked.problem(ref, "Every link needs a url starting with https:// or http://; found " + link + ".");
                }
                Map<?, ?> l = (Map<?, ?>) link;
                links.add(new BackstageEntity.Link(url, text(l.get("title")), text(l.get("type")), text(l.get("icon"))));
            }
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (metadata.get("annotations") instanceof Map<?, ?> a) {
            a.forEach((k, v) -> annotations.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (metadata.get("labels") instanceof Map<?, ?> a) {
            a.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<?, ?> rawSpec = root.get("spec") instanceof Map<?, ?> s ? s : null;
        List<String> required = REQUIRED_SPEC.get(kind.toLowerCase(Locale.ROOT));
        if (rawSpec == null && !required.isEmpty()) {
            return Checked.problem(ref, "spec is missing: a " + kind + " needs spec." + String.join(", spec.", required) + ".");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (rawSpec != null) {
            rawSpec.forEach((k, v) -> spec.put(String.valueOf(k), v));
        }
        for (String field : required) {
            Object value = spec.get(field);
            if (value == null || (value instanceof String s && s.isBlank())) {
                return Checked.problem(ref, "spec." + field + " is missing: " + explain(kind, field));
            }
        }
        Object owner = spec.get("owner");
        if (owner != null && EntityRef.parse(String.valueOf(owner), "group", rawNamespace).isEmpty()) {
            return Checked.problem(ref, "spec.owner \"" + owner + "\" is not a reference: write team-a, group:team-a or user:name.");
        }
        return new Checked(new BackstageEntity(version, kind, rawNamespace, rawName, text(metadata.get("title")),
                text(metadata.get("description")), List.copyOf(tags), List.copyOf(links), labels, annotations, spec), ref, null);
    }

    private static String explain(String kind, String field) {
        return switch (field) {
            case "owner" -> "say which team (or person) owns this " + kind + ", e.g. owner: team-a.";
            case "lifecycle" -> "say experimental, production or deprecated.";
            case "type" -> "say what it is, e.g. type: service (or website, library; for a Group: team).";
            case "definition" -> "an API needs its definition (OpenAPI, AsyncAPI, GraphQL ...) in spec.definition.";
            default -> "it is required.";
        };
    }

    private static String suggestName(String name) {
        String suggestion = name.trim().replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        return suggestion.isEmpty() ? "my-service" : suggestion.substring(0, Math.min(MAX_NAME_LENGTH, suggestion.length()));
    }

    private static String suggestTag(String tag) {
        String suggestion = tag.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:+#]+", "-").replaceAll("^-+|-+$", "");
        return suggestion.isEmpty() ? "my-tag" : suggestion;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    private static String describe(Object document) {
        return document instanceof List<?> ? "a list" : "the plain text \"" + abbreviate(String.valueOf(document)) + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
