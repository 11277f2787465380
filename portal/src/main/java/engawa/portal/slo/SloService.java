package engawa.portal.slo;

import engawa.portal.catalog.SloState;
import engawa.db.slo.Bucket;
import engawa.db.slo.Measurements;
import engawa.db.slo.SloListFilter;
import engawa.db.slo.SloRow;
import engawa.db.slo.SloValues;
import engawa.db.slo.Slos;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogService;
import engawa.portal.people.Callers;
import engawa.portal.people.Ownership;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLOs of catalog services. Everyone signed in reads them; the service's owners (and admins)
 * create, change and delete them, write the service's error-budget policy and send measurements.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SloService {

    /** A service with more SLOs than this is not read at a glance any more. */
    static final int MAX_PER_SERVICE = 20;
    /** Points of a chart across the window. */
    static final int CHART_BUCKETS = 120;

    private final Slos slos;
    private final Measurements measurements;
    private final SloEvaluator evaluator;
    private final MeasurementIngest ingest;
    private final CatalogService catalog;
    private final Ownership ownership;
    private final Callers callers;
    private final PeopleDirectory people;
    private final ServiceSloFacts facts;
    private final Clock clock;

    SloService(Slos slos, Measurements measurements, SloEvaluator evaluator, MeasurementIngest ingest,
            CatalogService catalog, Ownership ownership, Callers callers, PeopleDirectory people, ServiceSloFacts facts,
            Clock clock) {
        this.facts = facts;
        this.slos = slos;
        this.measurements = measurements;
        this.evaluator = evaluator;
        this.ingest = ingest;
        this.catalog = catalog;
        this.ownership = ownership;
        this.callers = callers;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Slo> ofService(String serviceName) {
        CatalogEntry service = catalog.get(serviceName);
        Instant now = clock.instant();
        return slos.ofService(service.id()).stream().map(r -> view(r, now)).toList();
    }

    /** Whether an SLO of this id exists: one lookup, for a page's status. */
    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return slos.find(id).isPresent();
    }

    /** Whether the person asking may change this SLO, as {@link Slo#mayEdit()} says: one lookup, for a page's status. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long id) {
        return slos.find(id).map(this::mayEdit).orElse(false);
    }

    @Transactional(readOnly = true)
    public Slo get(long id) {
        return view(row(id), clock.instant());
    }

    @Transactional
    public Slo create(String serviceName, SloDraft draft) {
        CatalogEntry service = catalog.get(serviceName);
        if (!catalog.mayEdit(serviceName)) {
            throw UserFacingException.forbidden("slo.forbidden", service.displayName());
        }
        SloValues values = SloRules.check(draft);
        if (slos.ofService(service.id()).size() >= MAX_PER_SERVICE) {
            throw UserFacingException.invalid("slo.tooMany", MAX_PER_SERVICE);
        }
        Instant now = clock.instant();
        long id;
        try {
            id = slos.insert(service.id(), values, now);
        } catch (DuplicateKeyException e) {
            throw taken(values.name(), service.displayName());
        }
        SloRow locked = slos.lock(id).orElseThrow();
        evaluator.evaluateAndTell(locked, now);
        return get(id);
    }

    /** @param expectedVersion the version the change is based on; null to overwrite whatever is there */
    @Transactional
    public Slo update(long id, Long expectedVersion, SloDraft draft) {
        SloRow row = editable(id);
        SloValues values = SloRules.check(draft);
        Instant now = clock.instant();
        Optional<Long> saved;
        try {
            saved = slos.update(id, expectedVersion != null ? expectedVersion : row.version(), values, now);
        } catch (DuplicateKeyException e) {
            throw taken(values.name(), row.serviceName());
        }
        if (saved.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.STALE, "slo.stale");
        }
        evaluator.evaluateAndTell(slos.lock(id).orElseThrow(), now);
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        SloRow row = editable(id);
        slos.delete(id);
        facts.refresh(row.serviceId());
    }

    /** Writes measurements (all or none) and answers the SLO with the status they lead to. */
    @Transactional
    public Slo record(long id, List<SliceInput> slices) {
        SloRow row = editable(id);
        return new Slo(row, ingest.record(row, slices), true);
    }

    /** What {@link #record} would write, for the upload's preview; nothing is written. */
    @Transactional(readOnly = true)
    public MeasurementCheck check(long id, List<SliceInput> slices) {
        return ingest.check(editable(id).id(), slices);
    }

    /** The window's events in {@value #CHART_BUCKETS} stretches, for the charts. */
    @Transactional(readOnly = true)
    public List<Bucket> history(Slo slo) {
        SloWindow window = slo.status().window();
        return measurements.buckets(slo.id(), window.from(), window.to(), CHART_BUCKETS);
    }

    /** The overview: a page of SLOs, worst first, with the state of their last evaluation. */
    @Transactional(readOnly = true)
    public List<SloRow> list(SloListFilter filter, Pageable pageable) {
        return slos.list(filter, pageable.getOffset(), pageable.getPageSize());
    }

    @Transactional(readOnly = true)
    public long count(SloListFilter filter) {
        return slos.count(filter);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> stateCounts(SloListFilter filter) {
        return slos.stateCounts(filter);
    }

    /** A filter by a team's slug (its sub-teams included) and a state; null parts match any. */
    @Transactional(readOnly = true)
    public SloListFilter filter(String team, SloState state) {
        List<Long> teamIds = null;
        if (team != null && !team.isBlank()) {
            teamIds = people.team(team).map(t -> people.subtree(t.id()))
                    .orElseThrow(() -> UserFacingException.invalidField("team", "slo.team.unknown", team.strip()));
        }
        return new SloListFilter(teamIds, state == null ? null : state.name(), null);
    }

    @Transactional(readOnly = true)
    public Optional<String> policy(String serviceName) {
        return slos.policy(catalog.get(serviceName).id());
    }

    @Transactional
    public void savePolicy(String serviceName, String policy) {
        CatalogEntry service = catalog.get(serviceName);
        if (!catalog.mayEdit(serviceName)) {
            throw UserFacingException.forbidden("slo.forbidden", service.displayName());
        }
        String text = policy == null ? null : policy.strip();
        if (text != null && text.length() > SloDraft.POLICY_MAX_LENGTH) {
            throw UserFacingException.invalidField("policy", "slo.policy.long");
        }
        slos.savePolicy(service.id(), text, callers.current().userId(), clock.instant());
    }

    private Slo view(SloRow row, Instant now) {
        return new Slo(row, evaluator.compute(row, now), mayEdit(row));
    }

    boolean mayEdit(SloRow row) {
        return ownership.mayChange(callers.current(), row.ownerTeamId(), row.ownerUserId());
    }

    private SloRow row(long id) {
        return slos.find(id).orElseThrow(() -> UserFacingException.notFound("slo.notFound", id));
    }

    private SloRow editable(long id) {
        SloRow row = row(id);
        if (!mayEdit(row)) {
            throw UserFacingException.forbidden("slo.forbidden", row.serviceTitle() != null ? row.serviceTitle() : row.serviceName());
        }
        return row;
    }

    private static UserFacingException taken(String name, String service) {
        return UserFacingException.invalidField("name", "slo.name.taken", name, service);
    }
}
