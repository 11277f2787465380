package engawa.portal.slo;

import engawa.db.slo.SloRow;
import engawa.db.slo.SloValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * OpenSLO v1 files: kinds {@code SLO} and {@code SLI} with ratio metrics, budgeted by occurrences.
 * Reading checks what {@code oslo validate} checks that matters here (apiVersion, kind, a DNS-label
 * name, the service, the budgeting method, one time window with an allowed duration, a target
 * between 0 and 1, an indicator that exists) and what Engawa can keep (rolling 7, 28 or 30 days or
 * a calendar month; good and total counters). A Prometheus {@code metricSource} becomes the SLO's
 * queries; any other source means measurements are sent to the portal.
 */
final class OpenSlo {

    static final String API_VERSION = "openslo/v1";
    /** OpenSLO's duration shorthand: a number and one of m, h, d, w, M, Q, Y. */
    static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)([mhdwMQY])");
    static final Set<String> KNOWN_KINDS = Set.of("SLO", "SLI", "Service", "DataSource", "AlertPolicy",
            "AlertCondition", "AlertNotificationTarget");
    static final int MAX_CODE_POINTS = 5 * 1024 * 1024;

    private OpenSlo() {
    }

    /** An SLO read from a file, for a service named in it. @param document 1-based */
    record Item(int document, String service, SloDraft draft) {
    }

    /** @param document 1-based; 0 for the file as a whole */
    record Problem(int document, String name, String message) {
    }

    record Read(List<Item> items, List<Problem> problems) {
    }

    static Read read(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Map<String, Object>> docs = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        int n = 0;
        try {
            for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
                n++;
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map<?, ?> map)) {
                    problems.add(new Problem(n, null, "A document must be a mapping with apiVersion, kind, metadata and spec."));
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                docs.add(m);
                numbers.add(n);
            }
        } catch (YAMLException e) {
            String where = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? " at line " + (marked.getProblemMark().getLine() + 1) : "";
            problems.add(new Problem(n + 1, null, "This is not valid YAML" + where + ": fix it and import the file again."));
            return new Read(List.of(), problems);
        }
        Map<String, Map<String, Object>> slis = new HashMap<>();
        List<Integer> sloDocs = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> doc = docs.get(i);
            int number = numbers.get(i);
            String name = text(map(doc.get("metadata")), "name");
            Object version = doc.get("apiVersion");
            Object kind = doc.get("kind");
            if (!API_VERSION.equals(version)) {
                problems.add(new Problem(number, name, "apiVersion must be " + API_VERSION + (version == null ? "" : ", not " + version) + "."));
                continue;
            }
            if (!(kind instanceof String k) || !KNOWN_KINDS.contains(k)) {
                problems.add(new Problem(number, name, "kind " + (kind == null ? "is missing" : "'" + kind + "' is not an OpenSLO v1 kind")
                        + ": Engawa reads SLO and SLI."));
                continue;
            }
            if (!k.equals("SLO") && !k.equals("SLI")) {
                problems.add(new Problem(number, name, "Engawa reads kinds SLO and SLI only; remove the " + k + " or import it elsewhere."));
                continue;
            }
            if (name == null) {
                problems.add(new Problem(number, null, "metadata.name is required."));
                continue;
            }
            if (!name.matches(SloDraft.NAME_PATTERN) || name.length() > SloDraft.NAME_MAX_LENGTH) {
                problems.add(new Problem(number, name, "metadata.name must be lower-case letters, digits and dashes (a DNS label)."));
                continue;
            }
            if (k.equals("SLI")) {
                slis.put(name, doc);
            } else {
                sloDocs.add(i);
            }
        }
        List<Item> items = new ArrayList<>();
        for (int i : sloDocs) {
            Map<String, Object> doc = docs.get(i);
            int number = numbers.get(i);
            List<String> wrong = new ArrayList<>();
            Item item = slo(number, doc, slis, wrong);
            String name = text(map(doc.get("metadata")), "name");
            wrong.forEach(w -> problems.add(new Problem(number, name, w)));
            if (item != null && wrong.isEmpty()) {
                items.add(item);
            }
        }
        if (sloDocs.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, null, "The file has no SLO documents."));
        }
        return new Read(items, problems);
    }

    private static Item slo(int number, Map<String, Object> doc, Map<String, Map<String, Object>> slis, List<String> wrong) {
        Map<String, Object> metadata = map(doc.get("metadata"));
        Map<String, Object> spec = map(doc.get("spec"));
        if (spec == null) {
            wrong.add("spec is required.");
            return null;
        }
        String service = text(spec, "service");
        if (service == null) {
            wrong.add("spec.service is required: the catalog service the SLO belongs to.");
        }
        String budgeting = text(spec, "budgetingMethod");
        if (budgeting == null) {
            wrong.add("spec.budgetingMethod is required (Occurrences).");
        } else if (!budgeting.equals("Occurrences")) {
            wrong.add(Set.of("Timeslices", "RatioTimeslices").contains(budgeting)
                    ? "budgetingMethod " + budgeting + " is valid OpenSLO, but Engawa budgets by Occurrences only."
                    : "budgetingMethod must be Occurrences, Timeslices or RatioTimeslices, not " + budgeting + ".");
        }
        String window = null;
        String zone = null;
        Object windows = spec.get("timeWindow");
        if (!(windows instanceof List<?> list) || list.size() != 1 || !(list.getFirst() instanceof Map<?, ?>)) {
            wrong.add("spec.timeWindow must list exactly one window (duration and isRolling).");
        } else {
            Map<String, Object> w = map(list.getFirst());
            String duration = text(w, "duration");
            Object rolling = w.get("isRolling");
            var matcher = duration == null ? null : DURATION.matcher(duration);
            if (matcher == null || !matcher.matches()) {
                wrong.add("timeWindow.duration must be a number and a unit (m, h, d, w, M, Q or Y), e.g. 28d, not "
                        + (duration == null ? "nothing" : duration) + ".");
            } else if (!(rolling instanceof Boolean)) {
                wrong.add("timeWindow.isRolling must be true or false.");
            } else if ((Boolean) rolling) {
                window = switch (duration) {
                    case "7d", "1w" -> "7d";
                    case "28d", "4w" -> "28d";
                    case "30d" -> "30d";
                    default -> null;
                };
                if (window == null) {
                    wrong.add("A rolling window of " + duration + " is valid OpenSLO, but Engawa keeps 7d, 28d or 30d.");
                }
            } else {
                if (!duration.equals("1M")) {
                    wrong.add("A calendar window of " + duration + " is valid OpenSLO, but Engawa keeps one month (1M).");
                }
                Map<String, Object> calendar = map(w.get("calendar"));
                zone = calendar == null ? null : text(calendar, "timeZone");
                if (calendar == null || zone == null || text(calendar, "startTime") == null) {
                    wrong.add("A calendar window needs calendar.startTime and calendar.timeZone.");
                }
                window = "month";
            }
        }
        BigDecimal percent = null;
        Object objectives = spec.get("objectives");
        if (!(objectives instanceof List<?> list) || list.isEmpty() || !(list.getFirst() instanceof Map<?, ?>)) {
            wrong.add("spec.objectives must list at least one objective with a target.");
        } else {
            if (list.size() > 1) {
                wrong.add("Engawa keeps one objective per SLO; split the others into SLOs of their own.");
            }
            Map<String, Object> objective = map(list.getFirst());
            BigDecimal target = decimal(objective.get("target"));
            BigDecimal targetPercent = decimal(objective.get("targetPercent"));
            if (target != null) {
                if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
                    wrong.add("objectives[0].target must be more than 0 and less than 1 (0.999 for 99.9%).");
                }
                percent = target.movePointRight(2);
            } else if (targetPercent != null) {
                percent = targetPercent;
            } else {
                wrong.add("objectives[0].target is required (0.999 for 99.9%).");
            }
        }
        Map<String, Object> indicator = null;
        String indicatorRef = text(spec, "indicatorRef");
        if (indicatorRef != null) {
            indicator = slis.get(indicatorRef);
            if (indicator == null) {
                wrong.add("indicatorRef " + indicatorRef + " names no SLI in this file.");
            }
        } else if (map(spec.get("indicator")) != null) {
            indicator = map(spec.get("indicator"));
        } else {
            wrong.add("spec.indicatorRef or spec.indicator is required.");
        }
        String goodMeans = null;
        String goodQuery = null;
        String totalQuery = null;
        if (indicator != null) {
            Map<String, Object> sliSpec = map(indicator.get("spec"));
            Map<String, Object> ratio = sliSpec == null ? null : map(sliSpec.get("ratioMetric"));
            if (ratio == null) {
                wrong.add(sliSpec != null && sliSpec.containsKey("thresholdMetric")
                        ? "The indicator's thresholdMetric is valid OpenSLO, but Engawa keeps ratio metrics only."
                        : "The indicator needs spec.ratioMetric with good and total.");
            } else {
                goodMeans = sliSpec.get("description") instanceof String d && !d.isBlank() ? d : null;
                if (goodMeans == null) {
                    wrong.add("The indicator needs spec.description: the sentence that says what counts as good.");
                }
                Map<String, Object> good = map(ratio.get("good"));
                Map<String, Object> total = map(ratio.get("total"));
                if (good == null || total == null) {
                    wrong.add(ratio.containsKey("bad") ? "Engawa reads good and total (not bad) in ratioMetric."
                            : "ratioMetric needs good and total.");
                } else {
                    goodQuery = query(good);
                    totalQuery = query(total);
                }
            }
        }
        if (!wrong.isEmpty()) {
            return null;
        }
        String description = text(spec, "description");
        SloDraft draft = new SloDraft(text(metadata, "name"), text(metadata, "displayName"), description, goodMeans, percent,
                window, zone, goodQuery, totalQuery);
        return new Item(number, service, draft);
    }

    /** A Prometheus source's query; null for any other source (measurements are sent instead). */
    private static String query(Map<String, Object> metric) {
        Map<String, Object> source = map(metric.get("metricSource"));
        if (source == null || !"prometheus".equalsIgnoreCase(text(source, "type"))) {
            return null;
        }
        Map<String, Object> spec = map(source.get("spec"));
        return spec == null ? null : text(spec, "query");
    }

    /** An SLI and an SLO per SLO, each SLO referring to its SLI by name. */
    static String write(List<SloRow> slos) {
        List<Object> docs = new ArrayList<>();
        for (SloRow slo : slos) {
            SloValues v = slo.values();
            String sliName = v.name();
            Map<String, Object> sli = doc("SLI", sliName, v.displayName());
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("counter", true);
            ratio.put("good", Map.of("metricSource", source(slo, v.goodQuery(), "good")));
            ratio.put("total", Map.of("metricSource", source(slo, v.totalQuery(), "total")));
            Map<String, Object> sliSpec = new LinkedHashMap<>();
            sliSpec.put("description", v.goodMeans());
            sliSpec.put("ratioMetric", ratio);
            sli.put("spec", sliSpec);
            docs.add(sli);

            Map<String, Object> doc = doc("SLO", v.name(), v.displayName());
            Map<String, Object> spec = new LinkedHashMap<>();
            if (v.description() != null) {
                spec.put("description", v.description());
            }
            spec.put("service", slo.serviceName());
            spec.put("indicatorRef", sliName);
            spec.put("budgetingMethod", "Occurrences");
            Map<String, Object> window = new LinkedHashMap<>();
            if (v.calendarMonth()) {
                window.put("duration", "1M");
                window.put("isRolling", false);
                window.put("calendar", Map.of("startTime", "2020-01-01 00:00:00", "timeZone", v.windowTimeZone()));
            } else {
                window.put("duration", v.windowDays() + "d");
                window.put("isRolling", true);
            }
            spec.put("timeWindow", List.of(window));
            // a double writes the shortest decimal that reads back the same: 0.999, not a BigDecimal tag
            spec.put("objectives", List.of(Map.of("target", v.objective().doubleValue())));
            doc.put("spec", spec);
            docs.add(doc);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dumpAll(docs.iterator());
    }

    private static Map<String, Object> doc(String kind, String name, String displayName) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (displayName != null) {
            metadata.put("displayName", displayName);
        }
        doc.put("metadata", metadata);
        return doc;
    }

    private static Map<String, Object> source(SloRow slo, String query, String which) {
        Map<String, Object> source = new LinkedHashMap<>();
        if (query != null) {
            source.put("type", "Prometheus");
            source.put("spec", Map.of("query", query));
        } else {
            // measurements are sent to the portal; the spec says where, for whoever feeds them
            source.put("type", "Engawa");
            source.put("spec", Map.of("measurements", "/api/v1/slos/" + slo.id() + "/measurements", "counts", which));
        }
        return source;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String text(Map<String, Object> map, String key) {
        if (map == null) {
            return null;
        }
        Object value = map.get(key);
        return value instanceof String s && !s.isBlank() ? s.strip() : value instanceof Number ? value.toString() : null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
