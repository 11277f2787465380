package engawa.portal.slo.api;

import engawa.db.slo.SloListFilter;
import engawa.db.slo.SloRow;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import engawa.portal.slo.BurnWindow;
import engawa.portal.slo.SliceInput;
import engawa.portal.slo.Slo;
import engawa.portal.slo.SloDraft;
import engawa.portal.slo.SloFiles;
import engawa.portal.slo.SloRules;
import engawa.portal.slo.SloService;
import engawa.portal.catalog.SloState;
import engawa.portal.slo.SloStatus;
import engawa.portal.slo.SloTexts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLOs over REST: per service, measurements in (idempotent per slice), status out with every
 * number of the budget and the burn rates, and OpenSLO files. Percentages are numbers (99.9);
 * durations ISO 8601 (PT21M) with minutes beside them for people reading the JSON.
 */
@RestController
@RequestMapping("/api/v1")
class SloApi {

    static final String YAML = "application/yaml";

    private final SloService slos;
    private final SloFiles files;

    SloApi(SloService slos, SloFiles files) {
        this.slos = slos;
        this.files = files;
    }

    record SloJson(String id, String service, String name, String displayName, String description, String goodMeans,
            BigDecimal objectivePercent, String window, String timeZone, String goodQuery, String totalQuery,
            String source, long version, Instant createdAt, Instant updatedAt, Instant receivedAt, Instant pulledAt,
            String pullError, String state, String alert, BigDecimal budgetRemainingPercent, String url, String statusUrl) {

        static SloJson of(SloRow r) {
            var v = r.values();
            return new SloJson(String.valueOf(r.id()), r.serviceName(), v.name(), v.displayName(), v.description(),
                    v.goodMeans(), SloRules.percent(v.objective()), SloRules.windowKey(v),
                    v.calendarMonth() ? v.windowTimeZone() : null, v.goodQuery(), v.totalQuery(),
                    v.pulled() ? "prometheus" : "measurements", r.version(), r.createdAt(), r.updatedAt(), r.receivedAt(),
                    r.pulledAt(), r.pullError(), SloState.valueOf(r.state()).key(), r.alertLevel().toLowerCase(Locale.ROOT),
                    r.budgetRemaining() == null ? null : percent(r.budgetRemaining()), "/api/v1/slos/" + r.id(),
                    "/api/v1/slos/" + r.id() + "/status");
        }
    }

    record EventsJson(long good, long total, long bad) {
    }

    record BudgetJson(BigDecimal events, long consumedEvents, BigDecimal remainingEvents, BigDecimal overspentEvents,
            BigDecimal remainingPercent, Duration time, Duration remainingTime, BigDecimal remainingMinutes) {
    }

    record WindowJson(String kind, Integer days, String timeZone, Instant from, Instant to, Duration length) {
    }

    record StatusJson(String id, String service, String name, String state, String alert, BigDecimal objectivePercent,
            WindowJson window, EventsJson events, BigDecimal achievedPercent, BudgetJson errorBudget,
            Map<String, BigDecimal> burnRates, Duration exhaustedIn, String summary) {

        static StatusJson of(Slo slo) {
            SloStatus s = slo.status();
            var v = slo.row().values();
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            for (BurnWindow w : BurnWindow.values()) {
                rates.put(w.label, s.burnRates().get(w));
            }
            WindowJson window = new WindowJson(v.calendarMonth() ? "calendar-month" : "rolling", v.windowDays(),
                    v.calendarMonth() ? v.windowTimeZone() : null, s.window().from(), s.window().to(), s.window().length());
            BudgetJson budget = new BudgetJson(s.budgetEvents(), s.consumedEvents(), s.remainingEvents(), s.overspentEvents(),
                    s.remainingPercent(), s.budgetTime(), s.remainingTime(),
                    s.remainingTime() == null ? null : BigDecimal.valueOf(s.remainingTime().toMillis())
                            .divide(BigDecimal.valueOf(60_000), 1, RoundingMode.DOWN));
            return new StatusJson(String.valueOf(slo.id()), slo.row().serviceName(), v.name(), s.state().key(),
                    s.alert().name().toLowerCase(Locale.ROOT), SloRules.percent(v.objective()), window,
                    new EventsJson(s.good(), s.total(), s.consumedEvents()),
                    s.achieved() == null ? null : s.achieved().movePointRight(2), budget, rates, s.exhaustedIn(),
                    summary(slo));
        }

        static String summary(Slo slo) {
            SloStatus s = slo.status();
            String window = SloTexts.windowEnglish(slo.row().values());
            if (!s.hasData()) {
                return slo.title() + " has no measurements for " + window + " yet.";
            }
            return switch (s.state()) {
                case SPENT -> slo.title() + " has used all of its error budget for " + window + ".";
                case BURNING_FAST -> slo.title() + " is burning its error budget fast: "
                        + SloTexts.durationEnglish(s.remainingTime()) + " of budget left for " + window + ".";
                default -> SloTexts.durationEnglish(s.remainingTime()) + " of error budget left for " + window + " ("
                        + s.remainingPercent().setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%).";
            };
        }
    }

    record MeasurementsJson(int accepted, StatusJson status) {
    }

    record PolicyJson(String policy) {
    }

    @GetMapping("/services/{name}/slos")
    List<StatusJsonWithSlo> ofService(@PathVariable String name) {
        return slos.ofService(name).stream().map(s -> new StatusJsonWithSlo(SloJson.of(s.row()), StatusJson.of(s))).toList();
    }

    record StatusJsonWithSlo(SloJson slo, StatusJson status) {
    }

    @PostMapping("/services/{name}/slos")
    ResponseEntity<SloJson> create(@PathVariable String name, @RequestBody SloDraft body) {
        Slo created = slos.create(name, body);
        return ResponseEntity.created(URI.create("/api/v1/slos/" + created.id())).body(SloJson.of(created.row()));
    }

    /** The overview: worst first; {@code team} includes its sub-teams; {@code state} as in the status. */
    @GetMapping("/slos")
    PageResponse<SloJson> list(@RequestParam(required = false) String team, @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        SloState wanted = state == null || state.isBlank() ? null : SloState.byKey(state.strip())
                .orElseThrow(() -> UserFacingException.invalidField("state", "slo.state.unknown", state));
        SloListFilter filter = slos.filter(team, wanted);
        List<SloJson> items = slos.list(filter, pageable).stream().map(SloJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), slos.count(filter));
    }

    @GetMapping("/slos/{id}")
    SloJson get(@PathVariable long id) {
        return SloJson.of(slos.get(id).row());
    }

    /** {@code If-Match: "<version>"} makes a change based on an older version fail (412) instead of overwriting. */
    @PutMapping("/slos/{id}")
    SloJson update(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody SloDraft body) {
        Long version = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                version = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw UserFacingException.invalid("slo.ifMatch");
            }
        }
        return SloJson.of(slos.update(id, version, body).row());
    }

    @DeleteMapping("/slos/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        slos.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** {@code [{"start","end","good","total"}]}: all written or none; a slice sent again replaces the one before. */
    @PostMapping("/slos/{id}/measurements")
    MeasurementsJson measurements(@PathVariable long id, @RequestBody List<SliceInput> body) {
        return new MeasurementsJson(body.size(), StatusJson.of(slos.record(id, body)));
    }

    @GetMapping("/slos/{id}/status")
    StatusJson status(@PathVariable long id) {
        return StatusJson.of(slos.get(id));
    }

    @GetMapping("/services/{name}/error-budget-policy")
    PolicyJson policy(@PathVariable String name) {
        return new PolicyJson(slos.policy(name).orElse(null));
    }

    @PutMapping("/services/{name}/error-budget-policy")
    PolicyJson savePolicy(@PathVariable String name, @RequestBody PolicyJson body) {
        slos.savePolicy(name, body.policy());
        return new PolicyJson(slos.policy(name).orElse(null));
    }

    /**
     * OpenSLO YAML (kinds SLO and SLI); {@code ?dryRun=true} reports and writes nothing. As every
     * import: what can be taken is written, each document that cannot is listed under problems.
     */
    @PostMapping(path = "/slos/import", consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"},
            produces = "application/json")
    ResponseEntity<SloFiles.Report> importFile(@RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(OpenSloLimit.BYTES + 1);
        if (body.length > OpenSloLimit.BYTES) {
            throw new UserFacingException(UserFacingException.Kind.TOO_LARGE, "slo.import.tooLarge");
        }
        SloFiles.Report report = files.importFile(new String(body, StandardCharsets.UTF_8), dryRun);
        return ResponseEntity.ok(report);
    }

    @GetMapping(path = "/slos/export", produces = YAML)
    String export(@RequestParam(required = false) String service) {
        return files.export(service);
    }

    private static BigDecimal percent(BigDecimal share) {
        return SloRules.plain(share.movePointRight(2).setScale(2, RoundingMode.DOWN));
    }

    static final class OpenSloLimit {
        static final int BYTES = 5 * 1024 * 1024;

        private OpenSloLimit() {
        }
    }
}
