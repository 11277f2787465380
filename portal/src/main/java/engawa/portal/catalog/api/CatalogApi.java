package engawa.portal.catalog.api;

import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ChangeEntry;
import engawa.portal.catalog.FieldChange;
import engawa.portal.catalog.Refs;
import engawa.portal.catalog.Scorecard;
import engawa.db.catalog.ScorecardLevel;
import engawa.db.catalog.ScorecardRule;
import engawa.db.catalog.Scorecards;
import engawa.portal.shared.Translations;
import engawa.portal.catalog.SloState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.ServiceEditConflict;
import engawa.portal.catalog.ServiceLink;
import engawa.portal.catalog.ServiceSummary;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.api.JsonBodies;
import engawa.portal.shared.api.MergePatch;
import engawa.portal.shared.api.PageRequests;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Services over REST. A service's ETag is its version: PUT and DELETE need {@code If-Match}
 * with it, so that two writers cannot overwrite each other unseen; PATCH without it changes only
 * the fields it names, on the version it finds.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class CatalogApi {

    private final CatalogService catalog;
    private final JsonMapper json;
    private final PublicUrl publicUrl;
    private final JsonBodies bodies;

    CatalogApi(CatalogService catalog, JsonMapper json, PublicUrl publicUrl, JsonBodies bodies) {
        this.bodies = bodies;
        this.catalog = catalog;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    record ServiceJson(String name, String namespace, String title, String description, String type, String lifecycle,
            Integer tier, String owner, String ownerName, String system, List<String> tags, List<ServiceLink> links,
            Map<String, String> opsLinks, List<String> dependsOn, List<String> providesApis, List<String> consumesApis,
            Instant createdAt, Instant updatedAt, long version, String url) {
    }

    /** @param sloState the worst state among its SLOs; null without SLOs */
    record SummaryJson(String name, String title, String description, String type, String lifecycle, Integer tier,
            String owner, String ownerName, String system, List<String> tags, List<String> opsLinks, Instant updatedAt,
            String level, String sloState) {
        static SummaryJson of(ServiceSummary s) {
            return new SummaryJson(s.name(), s.title(), s.description(), s.type(), s.lifecycle().id(), s.tier(),
                    s.owner().ref(), s.owner().name(), s.system(), s.tags(),
                    Arrays.stream(OpsLinkKind.values()).filter(s.opsLinks()::contains).map(k -> k.key).toList(), s.updatedAt(),
                    s.level() == null ? null : s.level().key(),
                    s.worstSloState() == null ? null : SloState.valueOf(s.worstSloState()).key());
        }
    }

    /** The list shape of the contract, with what a search matched on. */
    record SearchPageJson(List<SummaryJson> items, int page, int size, long total, String correctedQuery,
            boolean similarNames) {
    }

    record CountsJson(Map<String, Long> lifecycle, Map<String, Long> tier, long total) {
    }

    record ChangeJson(long version, Instant at, String actor, String actorName, String action,
            Map<String, FieldChange> changes) {
        static ChangeJson of(ChangeEntry c) {
            return new ChangeJson(c.version(), c.at(), c.actor(), c.actorName(), c.action().toLowerCase(Locale.ROOT),
                    c.changes());
        }
    }

    record CheckJson(String key, boolean passed, String rule, String fix) {
    }

    record ScorecardJson(String service, String level, long passed, int total, List<CheckJson> checks, String url) {
    }

    record TallyJson(String team, String teamName, long services, Map<String, Long> levels, Map<String, Long> passing) {
        static TallyJson of(Scorecards.Tally t) {
            Map<String, Long> levels = new LinkedHashMap<>();
            t.levels().forEach((level, n) -> levels.put(level.key(), n));
            Map<String, Long> passing = new LinkedHashMap<>();
            t.passing().forEach((rule, n) -> passing.put(rule.key, n));
            return new TallyJson(t.teamSlug(), t.teamName(), t.services(), levels, passing);
        }
    }

    /** Company-wide and per owning team; {@code rules} gives each rule's passing share in percent. */
    record ReportJson(long services, Map<String, Long> levels, Map<String, Long> passing, Map<String, BigDecimal> rules,
            List<TallyJson> teams) {
    }

    @GetMapping("/services")
    SearchPageJson services(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String lifecycle, @RequestParam(required = false) Integer tier,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String system,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean includeChildTeams,
            @RequestParam(required = false) String level, @RequestParam(required = false) String missing,
            @RequestParam(required = false) String slo,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        CatalogFilter base = filter(owner, includeChildTeams, mine, lifecycle, tier, tag, system);
        CatalogFilter filter = new CatalogFilter(base.owner(), base.includeChildTeams(), base.mine(), base.lifecycle(),
                base.tier(), base.tag(), base.system(),
                blank(missing) ? null : ScorecardRule.byKey(missing.strip()).orElseThrow(
                        () -> UserFacingException.invalidField("missing", "catalog.api.rule.unknown", missing)),
                blank(level) ? null : ScorecardLevel.byKey(level.strip()).orElseThrow(
                        () -> UserFacingException.invalidField("level", "catalog.api.level.unknown", level)),
                blank(slo) ? null : SloState.byKey(slo.strip()).map(Enum::name).orElseThrow(
                        () -> UserFacingException.invalidField("slo", "slo.state.unknown", slo)));
        CatalogQuery query = catalog.query(q, filter);
        List<SummaryJson> items = catalog.list(query, sort(sort), pageable).stream()
                .map(SummaryJson::of).toList();
        return new SearchPageJson(items, pageable.getPageNumber(), pageable.getPageSize(), catalog.count(query),
                query.correctedText(), query.bySimilarNames());
    }

    /** How many services of each lifecycle and tier match; tier "none" counts those without one. */
    @GetMapping("/services/counts")
    CountsJson counts(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String system,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean includeChildTeams) {
        CatalogQuery query = catalog.query(q, filter(owner, includeChildTeams, mine, null, null, tag, system));
        CatalogServices.FacetCounts facets = catalog.facets(query);
        Map<String, Long> lifecycles = new LinkedHashMap<>();
        for (Lifecycle l : Lifecycle.values()) {
            lifecycles.put(l.id(), facets.lifecycles().getOrDefault(l, 0L));
        }
        Map<String, Long> tiers = new LinkedHashMap<>();
        for (int t = 1; t <= 4; t++) {
            tiers.put(String.valueOf(t), facets.tiers().getOrDefault(t, 0L));
        }
        tiers.put("none", facets.tiers().getOrDefault(0, 0L));
        return new CountsJson(lifecycles, tiers, lifecycles.values().stream().mapToLong(Long::longValue).sum());
    }

    @GetMapping("/services/{name}")
    ResponseEntity<ServiceJson> service(@PathVariable String name) {
        return withETag(ResponseEntity.ok(), catalog.get(name));
    }

    @PostMapping("/services")
    ResponseEntity<ServiceJson> create(@RequestBody ServiceBody body) {
        CatalogEntry created = catalog.create(body.draft());
        return withETag(ResponseEntity.created(URI.create("/api/v1/services/" + created.name())), created);
    }

    @PutMapping("/services/{name}")
    ResponseEntity<ServiceJson> replace(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ServiceBody body) {
        long version = requiredVersion(ifMatch);
        ServiceDraft draft = body.draft();
        return withETag(ResponseEntity.ok(), stale(() -> catalog.update(name, version, draft)));
    }

    @PatchMapping(path = "/services/{name}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ServiceJson> patch(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch) {
        CatalogEntry current = catalog.get(name);
        long version = ifMatch == null ? current.version() : requiredVersion(ifMatch);
        // RFC 7396: the patch merged into the service as it is, then read as a whole service is
        JsonNode merged = MergePatch.apply(json.valueToTree(ServiceBody.of(current.toDraft())), patch);
        ServiceDraft draft = bodies.read(json.writeValueAsBytes(merged), ServiceBody.class).draft();
        return withETag(ResponseEntity.ok(), stale(() -> catalog.update(name, version, draft)));
    }

    @DeleteMapping("/services/{name}")
    ResponseEntity<Void> delete(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = requiredVersion(ifMatch);
        stale(() -> {
            catalog.delete(name, version);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/services/{name}/history")
    engawa.portal.shared.api.PageResponse<ChangeJson> history(@PathVariable String name,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        List<ChangeJson> items = catalog.history(name, pageable).stream()
                .map(ChangeJson::of).toList();
        return new engawa.portal.shared.api.PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(),
                catalog.historySize(name));
    }

    @GetMapping("/services/{name}/scorecard")
    ScorecardJson scorecard(@PathVariable String name) {
        Scorecard card = catalog.scorecard(name);
        List<CheckJson> checks = card.checks().stream().map(c -> new CheckJson(c.key(), c.passed(),
                Translations.english("scorecard.rule." + c.rule().textKey()),
                c.passed() ? null : Translations.english("scorecard.fix." + c.rule().textKey()))).toList();
        return new ScorecardJson(card.service(), card.level().key(), card.passed(), card.total(), checks,
                "/api/v1/services/" + card.service() + "/scorecard");
    }

    @GetMapping("/scorecard")
    ReportJson report() {
        List<Scorecards.Tally> teams = catalog.scorecardReport();
        long services = teams.stream().mapToLong(Scorecards.Tally::services).sum();
        Map<String, Long> levels = new LinkedHashMap<>();
        for (ScorecardLevel level : ScorecardLevel.values()) {
            levels.put(level.key(), teams.stream().mapToLong(t -> t.levels().getOrDefault(level, 0L)).sum());
        }
        Map<String, Long> passing = new LinkedHashMap<>();
        Map<String, BigDecimal> rules = new LinkedHashMap<>();
        for (ScorecardRule rule : ScorecardRule.values()) {
            long n = teams.stream().mapToLong(t -> t.passing().getOrDefault(rule, 0L)).sum();
            passing.put(rule.key, n);
            rules.put(rule.key, services == 0 ? null
                    : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(services), 1, RoundingMode.HALF_UP));
        }
        return new ReportJson(services, levels, passing, rules, teams.stream().map(TallyJson::of).toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A stale version answers 412 with the current ETag and what changed since the caller's version. */
    private CatalogEntry stale(java.util.function.Supplier<CatalogEntry> write) {
        try {
            return write.get();
        } catch (ServiceEditConflict conflict) {
            conflict.withProblemProperty("currentETag", etag(conflict.current()));
            conflict.withProblemProperty("changedFields", List.copyOf(conflict.changedFields()));
            conflict.withProblemProperty("changes", conflict.missed().stream().map(ChangeJson::of).toList());
            throw conflict;
        }
    }

    private static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new UserFacingException(UserFacingException.Kind.PRECONDITION_REQUIRED, "catalog.api.ifMatch.required");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw UserFacingException.invalid("catalog.api.ifMatch.format", ifMatch);
        }
    }

    private ResponseEntity<ServiceJson> withETag(ResponseEntity.BodyBuilder response, CatalogEntry entry) {
        return response.eTag(etag(entry)).body(json(entry));
    }

    private static String etag(CatalogEntry entry) {
        return "\"" + entry.version() + "\"";
    }

    private ServiceJson json(CatalogEntry e) {
        Map<String, String> ops = new LinkedHashMap<>();
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            ops.put(kind.key, e.opsLinks().get(kind));
        }
        return new ServiceJson(e.name(), e.namespace(), e.title(), e.description(), e.type(), e.lifecycle().id(), e.tier(),
                e.owner().ref(), e.owner().name(), e.system(), e.tags(), e.links(), ops,
                e.dependsOn().stream().map(r -> Refs.compact(r, "component")).toList(),
                e.providesApis().stream().map(r -> Refs.compact(r, "api")).toList(),
                e.consumesApis().stream().map(r -> Refs.compact(r, "api")).toList(), e.createdAt(), e.updatedAt(),
                e.version(), publicUrl.of("/services/" + e.name()));
    }

    private static CatalogFilter filter(String owner, boolean includeChildTeams, boolean mine, String lifecycle, Integer tier,
            String tag, String system) {
        Lifecycle l = lifecycle == null || lifecycle.isBlank() ? null : Lifecycle.parse(lifecycle).orElseThrow(
                () -> UserFacingException.invalidField("lifecycle", "catalog.api.lifecycle.unknown", lifecycle));
        if (tier != null && (tier < 1 || tier > 4)) {
            throw UserFacingException.invalidField("tier", "validation.tier.range");
        }
        return new CatalogFilter(owner, includeChildTeams, mine, l, tier, tag, system);
    }

    private static CatalogServices.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return CatalogServices.Sort.NAME;
        }
        return switch (sort.strip()) {
            case "name" -> CatalogServices.Sort.NAME;
            case "tier" -> CatalogServices.Sort.TIER;
            case "lifecycle" -> CatalogServices.Sort.LIFECYCLE;
            case "updated" -> CatalogServices.Sort.RECENTLY_UPDATED;
            default -> throw UserFacingException.invalidField("sort", "catalog.api.sort.unknown", sort);
        };
    }
}
