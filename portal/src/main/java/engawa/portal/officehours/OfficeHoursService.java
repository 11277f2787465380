package engawa.portal.officehours;

import engawa.db.officehours.Host;
import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.OfficeHours.NewSession;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionKind;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Signups;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcing and browsing office hours. Anyone signed in may announce a session (they host it);
 * its hosts and admins change, move and cancel it. A series is stored with one row per date, so
 * editing it "this and following" splits it in two (a new iCalendar UID from that date on, as
 * calendar programs do) while everybody keeps their sign-up.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class OfficeHoursService {

    private final OfficeHours sessions;
    private final Signups signups;
    private final PeopleDirectory people;
    private final SessionLinks links;
    private final Seats seats;
    private final SessionEvents events;
    private final Callers callers;
    private final Clock clock;

    OfficeHoursService(OfficeHours sessions, Signups signups, PeopleDirectory people, SessionLinks links, Seats seats,
            SessionEvents events, Callers callers, Clock clock) {
        this.seats = seats;
        this.events = events;
        this.sessions = sessions;
        this.signups = signups;
        this.people = people;
        this.links = links;
        this.callers = callers;
        this.clock = clock;
    }

    /**
     * A saved session.
     *
     * @param warnings things worth knowing that do not stop the save (a host booked twice)
     */
    public record Saved(long sessionId, List<FieldProblem> warnings) {
    }

    /** What lists ask for; null fields do not filter. */
    public record Query(Instant from, Instant to, String topic, String host, boolean mine) {
    }

    @Transactional(readOnly = true)
    public List<Session> list(Query q, Pageable pageable) {
        Caller caller = callers.current();
        return sessions.list(filter(caller, q), (int) pageable.getOffset(), pageable.getPageSize()).stream().map(l -> Session.of(l, caller.admin())).toList();
    }

    @Transactional(readOnly = true)
    public long count(Query q) {
        return sessions.count(filter(callers.current(), q));
    }

    private OfficeHours.Filter filter(Caller caller, Query q) {
        Instant from = q.from() == null ? clock.instant() : q.from();
        return new OfficeHours.Filter(from, q.to(), blankToNull(q.topic()), blankToNull(q.host()), q.mine(),
                caller.userId() == null ? -1L : caller.userId(), false);
    }

    /** The sessions the caller signed up for between two moments, soonest first (a weekly digest). */
    @Transactional(readOnly = true)
    public List<SessionRef> mineBetween(Instant from, Instant to) {
        return list(new Query(from, to, null, null, true), org.springframework.data.domain.PageRequest.of(0, 20)).stream()
                .map(s -> new SessionRef(s.row().id(), s.series().values().titleEn(), s.series().values().titleJa(),
                        s.row().startsAt(), s.series().values().timeZone()))
                .toList();
    }

    /** The next session the caller hosts that has not ended, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Session> nextHosted() {
        Caller caller = callers.current();
        if (caller.userId() == null) {
            return java.util.Optional.empty();
        }
        return list(new Query(null, null, null, caller.username(), false), org.springframework.data.domain.PageRequest.of(0, 1))
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<String> topics() {
        return sessions.topics(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Host> hosts() {
        return sessions.hosts(clock.instant());
    }

    /** Whether a session of this id exists: one lookup, for a page's status. */
    @Transactional(readOnly = true)
    public boolean exists(long sessionId) {
        return sessions.findSession(sessionId).isPresent();
    }

    /** One session with where the viewer stands. */
    @Transactional(readOnly = true)
    public Session get(long sessionId) {
        Caller caller = callers.current();
        SessionRow row = sessions.findSession(sessionId).orElseThrow(() -> notFound(sessionId));
        SeriesRow series = sessions.findSeries(row.seriesId()).orElseThrow();
        Optional<SignupRow> mine = caller.userId() == null ? Optional.empty() : signups.active(sessionId, caller.userId());
        int position = mine.filter(s -> s.status() == SignupStatus.WAITLISTED).map(signups::position).orElse(0);
        int waitlisted = series.values().kind() == SessionKind.SEATED
                ? (int) (signups.countOfSession(sessionId) - row.confirmed()) : 0;
        boolean hosting = series.hostedBy(caller.userId());
        return new Session(row, series, waitlisted, mine.map(SignupRow::status).orElse(null), position, hosting,
                mayManage(caller, series));
    }

    /** Whether the person asking may change this session, as {@link Session#mayManage()} says: for a page's status. */
    @Transactional(readOnly = true)
    public boolean mayManage(long sessionId) {
        return sessions.findSession(sessionId).flatMap(row -> sessions.findSeries(row.seriesId()))
                .map(series -> mayManage(callers.current(), series)).orElse(false);
    }

    /** Who may change a session, take its sign-ups and cancel it: its hosts and admins. */
    static boolean mayManage(Caller caller, SeriesRow series) {
        return caller.admin() || series.hostedBy(caller.userId());
    }

    /** The other dates of a session's series, for "also on". */
    @Transactional(readOnly = true)
    public List<SessionRow> datesOf(long seriesId) {
        return sessions.sessionsOf(seriesId);
    }

    @Transactional
    public Saved create(SessionDraft draft) {
        Caller caller = callers.current();
        Instant now = clock.instant();
        SessionRules.Checked checked = SessionRules.check(draft, now, false);
        List<Long> hostIds = hostIds(draft.hosts(), caller, List.of());
        links.check(checked.values(), caller);
        long seriesId = sessions.insertSeries(UUID.randomUUID() + "@engawa", checked.values(), caller.userId(), null, now);
        sessions.setHosts(seriesId, hostIds);
        sessions.insertSessions(seriesId, dated(checked.starts(), checked.zone(), checked.values().durationMinutes()));
        List<SessionRow> saved = sessions.sessionsOf(seriesId);
        return new Saved(saved.getFirst().id(), doubleBooked(hostIds, saved, seriesId));
    }

    /**
     * Changes a session's series: from this session on ({@code following}) or as a whole. A series
     * that has already met keeps its past: "as a whole" then means from the next session on.
     */
    @Transactional
    public Saved update(long sessionId, SessionDraft draft, boolean following) {
        Caller caller = callers.current();
        Instant now = clock.instant();
        SessionRow session = lockForChange(sessionId, caller);
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        List<SessionRow> all = sessions.sessionsOf(series.id());
        SessionRow from = following ? session
                : all.stream().filter(s -> s.endsAt().isAfter(now)).findFirst().orElse(session);
        // a start that stays where it was may lie in the past (a series running now); a new one may not
        boolean startKept = draft.start() != null
                && draft.start().atZone(zoneOr(draft.timeZone(), series.values().timeZone())).toInstant().equals(from.startsAt());
        SessionRules.Checked checked = SessionRules.check(draft, now, startKept);
        Integer capacity = checked.values().capacity();
        int mostConfirmed = all.stream().filter(s -> s.endsAt().isAfter(now)).mapToInt(SessionRow::confirmed).max().orElse(0);
        if (capacity != null && capacity < mostConfirmed) {
            throw UserFacingException.invalidField("capacity", "officeHours.capacity.belowConfirmed", mostConfirmed);
        }
        List<Long> hostIds = hostIds(draft.hosts(), caller, series.hosts().stream().map(Host::userId).toList());
        links.check(checked.values(), caller);
        long target = series.id();
        if (from.id() != all.getFirst().id()) {
            // "this and following": the old series ends before this date, a new one carries on
            Recurrence old = Recurrence.parse(series.values().rrule(), ZoneId.of(series.values().timeZone()));
            sessions.updateRule(series.id(), old.endingBefore(from.recurrenceLocal(), ZoneId.of(series.values().timeZone())).rrule(), now);
            target = sessions.insertSeries(UUID.randomUUID() + "@engawa", checked.values(), caller.userId(), series.id(), now);
            sessions.moveSessionsToSeries(series.id(), from.recurrenceLocal(), target);
        } else {
            sessions.updateSeries(series.id(), checked.values(), now);
        }
        sessions.setHosts(target, hostIds);
        reconcile(target, checked);
        List<SessionRow> dates = sessions.sessionsOf(target);
        for (SessionRow date : dates) {
            if (date.endsAt().isAfter(now) && !date.cancelled()) {
                seats.fill(date.id());
            }
        }
        // filling seats changes no date or time, so the dates read above still hold
        return new Saved(dates.getFirst().id(), doubleBooked(hostIds, dates, target));
    }

    /**
     * The series' dates become those of its new rule, paired in order: a date that is no longer
     * wanted goes away if nobody signed up to it and is cancelled otherwise, so no sign-up is lost.
     */
    private void reconcile(long seriesId, SessionRules.Checked checked) {
        List<SessionRow> existing = sessions.sessionsOf(seriesId);
        List<NewSession> wanted = dated(checked.starts(), checked.zone(), checked.values().durationMinutes());
        for (int i = 0; i < Math.min(existing.size(), wanted.size()); i++) {
            NewSession w = wanted.get(i);
            SessionRow e = existing.get(i);
            if (!w.recurrenceLocal().equals(e.recurrenceLocal()) || !w.startsAt().equals(e.startsAt())
                    || !w.endsAt().equals(e.endsAt())) {
                sessions.retime(e.id(), w.recurrenceLocal(), w.startsAt(), w.endsAt());
            }
        }
        if (existing.size() > wanted.size()) {
            List<Long> extra = existing.subList(wanted.size(), existing.size()).stream().map(SessionRow::id).toList();
            Set<Long> kept = sessions.withSignups(extra);
            sessions.deleteSessions(extra.stream().filter(id -> !kept.contains(id)).toList());
            kept.forEach(id -> sessions.cancelSession(id, clock.instant()));
        }
        if (wanted.size() > existing.size()) {
            sessions.insertSessions(seriesId, wanted.subList(existing.size(), wanted.size()));
        }
    }

    /** One date of a series to another time; the rest stay (a RECURRENCE-ID exception in calendars). */
    @Transactional
    public Saved move(long sessionId, LocalDateTime start, LocalDateTime end) {
        Caller caller = callers.current();
        SessionRow session = lockForChange(sessionId, caller);
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        ZoneId zone = ZoneId.of(series.values().timeZone());
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(new FieldProblem("start", "officeHours.start.required"));
        } else if (start.atZone(zone).toInstant().isBefore(clock.instant())) {
            problems.add(new FieldProblem("start", "officeHours.start.past"));
        }
        if (end == null) {
            problems.add(new FieldProblem("end", "officeHours.end.required"));
        } else if (start != null && !end.atZone(zone).isAfter(start.atZone(zone))) {
            problems.add(new FieldProblem("end", "officeHours.end.beforeStart"));
        } else if (start != null && Duration.between(start, end).toHours() >= SessionRules.MAX_HOURS) {
            problems.add(new FieldProblem("end", "officeHours.end.tooLong", SessionRules.MAX_HOURS));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        Instant startsAt = start.atZone(zone).toInstant();
        Instant endsAt = end.atZone(zone).toInstant();
        sessions.moveSession(sessionId, startsAt, endsAt);
        sessions.touch(series.id(), clock.instant());
        if (!startsAt.equals(session.startsAt())) {
            events.moved(sessions.findSession(sessionId).orElseThrow(), series, session.startsAt(),
                    signups.activeUserIds(sessionId));
        }
        List<Long> hostIds = series.hosts().stream().map(Host::userId).toList();
        return new Saved(sessionId, doubleBooked(hostIds, List.of(new SessionRow(sessionId, series.id(),
                session.recurrenceLocal(), startsAt, endsAt, true, null, session.confirmed())), series.id()));
    }

    /** One date off; the series goes on. People who signed up keep their sign-up and see it cancelled. */
    @Transactional
    public void cancel(long sessionId) {
        SessionRow session = lockForChange(sessionId, callers.current());
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        sessions.cancelSession(sessionId, clock.instant());
        sessions.touch(session.seriesId(), clock.instant());
        events.cancelled(session, series, false, signups.activeUserIds(sessionId));
    }

    /** Every date of the series, past ones included, as calendars see a cancelled series. */
    @Transactional
    public void cancelSeries(long sessionId) {
        SessionRow session = lockForChange(sessionId, callers.current());
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        List<Long> coming = signups.activeUserIdsOfSeries(series.id(), clock.instant());
        sessions.cancelSeries(session.seriesId(), clock.instant());
        events.cancelled(session, series, true, coming);
    }

    private SessionRow lockForChange(long sessionId, Caller caller) {
        SessionRow session = sessions.lockSession(sessionId).orElseThrow(() -> notFound(sessionId));
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        if (!mayManage(caller, series)) {
            throw UserFacingException.forbidden("officeHours.notHost");
        }
        if (!session.endsAt().isAfter(clock.instant())) {
            throw UserFacingException.invalid("officeHours.finished");
        }
        if (series.cancelledAt() != null) {
            throw UserFacingException.invalid("officeHours.seriesCancelled");
        }
        return session;
    }

    /**
     * The hosts a session will have. A member names themselves and keeps who hosts it already; only
     * admins name someone new, since hosting puts a person's name and time on a public page without
     * their say (the people themselves add themselves).
     */
    private List<Long> hostIds(List<String> usernames, Caller caller, List<Long> hostsNow) {
        if (usernames.isEmpty()) {
            if (caller.userId() == null) {
                throw UserFacingException.invalidField("hosts", "officeHours.hosts.required");
            }
            return List.of(caller.userId());
        }
        List<Long> ids = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String username : usernames) {
            Optional<Person> user = people.person(username).filter(Person::enabled);
            if (user.isEmpty()) {
                problems.add(new FieldProblem("hosts", "officeHours.hosts.unknown", username));
            } else if (!caller.admin() && !Long.valueOf(user.get().id()).equals(caller.userId())
                    && !hostsNow.contains(user.get().id())) {
                problems.add(new FieldProblem("hosts", "officeHours.hosts.notYours", user.get().displayName()));
            } else if (!ids.contains(user.get().id())) {
                ids.add(user.get().id());
            }
        }
        if (ids.size() > 10) {
            problems.add(new FieldProblem("hosts", "officeHours.tooMany", 10));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        return ids;
    }

    /** Local starts to instants in the series' zone: the wall-clock time stays, the offset follows DST. */
    static List<NewSession> dated(List<LocalDateTime> starts, ZoneId zone, int minutes) {
        return starts.stream().map(local -> {
            Instant start = local.atZone(zone).toInstant();
            return new NewSession(local, start, local.plusMinutes(minutes).atZone(zone).toInstant());
        }).toList();
    }

    private List<FieldProblem> doubleBooked(List<Long> hostIds, List<SessionRow> dates, long seriesId) {
        Instant now = clock.instant();
        for (SessionRow date : dates) {
            if (date.cancelled() || date.endsAt().isBefore(now)) {
                continue;
            }
            Optional<String> other = sessions.overlappingFor(hostIds, date.startsAt(), date.endsAt(), seriesId);
            if (other.isPresent()) {
                return List.of(new FieldProblem("hosts", "officeHours.hosts.doubleBooked", other.get()));
            }
        }
        return List.of();
    }

    /** The draft's zone when it is one; an unknown one is reported by the rules, field by field. */
    private static ZoneId zoneOr(String zone, String fallback) {
        try {
            return ZoneId.of(zone == null || zone.isBlank() ? fallback : zone.strip());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of(fallback);
        }
    }

    static UserFacingException notFound(long id) {
        return UserFacingException.notFound("officeHours.notFound", id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
