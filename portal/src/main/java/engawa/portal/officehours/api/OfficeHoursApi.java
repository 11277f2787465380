package engawa.portal.officehours.api;

import engawa.db.officehours.Host;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.Wish;
import engawa.portal.officehours.CalendarService;
import engawa.portal.officehours.Locations;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SessionDraft;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Office hours over REST: sessions (a series is one session per date), sign-ups, the hosts' view
 * of who comes and what they want to automate, and calendar files. Times are ISO 8601: instants
 * in UTC in answers; a session's start and end as wall-clock time in its {@code timeZone}.
 */
@RestController
@RequestMapping("/api/v1")
class OfficeHoursApi {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

    private final OfficeHoursService sessions;
    private final SignupService signups;
    private final CalendarService calendars;

    OfficeHoursApi(OfficeHoursService sessions, SignupService signups, CalendarService calendars) {
        this.sessions = sessions;
        this.signups = signups;
        this.calendars = calendars;
    }

    record HostJson(String username, String name) {
        static HostJson of(Host h) {
            return new HostJson(h.username(), h.name());
        }
    }

    record SessionJson(String id, String seriesUid, String title, String titleJa, String description, String descriptionHtml,
            List<String> topics, List<HostJson> hosts, String kind, Integer capacity, int confirmed, Integer seatsLeft,
            int waitlisted, String room, String videoUrl, String location, String timeZone, Instant startsAt, Instant endsAt,
            LocalDateTime start, LocalDateTime end, String recurrence, boolean moved, boolean cancelled, int sequence,
            int reminderMinutes, List<String> recipes, List<String> services, String myStatus, Integer myPosition,
            boolean hosting, String url, String calendarUrl, List<String> warnings) {

        static SessionJson of(Session s, List<String> warnings) {
            var v = s.series().values();
            return new SessionJson(String.valueOf(s.id()), s.series().uid(), v.titleEn(), v.titleJa(), v.description(),
                    s.descriptionHtml(), v.topics(), s.hosts().stream().map(HostJson::of).toList(),
                    v.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), v.capacity(), s.coming(), s.seatsLeft(),
                    s.waitlisted(), v.room(), v.videoUrl(), Locations.text(v), v.timeZone(), s.startsAt(), s.endsAt(),
                    s.startsAt().atZone(s.zone()).toLocalDateTime(), s.endsAt().atZone(s.zone()).toLocalDateTime(),
                    v.rrule(), s.row().moved(), s.cancelled(), s.series().sequence(), v.reminderMinutes(), v.recipeSlugs(),
                    v.serviceNames(), s.mine() == null ? null : s.mine().name().toLowerCase(Locale.ROOT),
                    s.position() > 0 ? s.position() : null, s.hosting(), "/api/v1/sessions/" + s.id(),
                    "/api/v1/sessions/" + s.id() + "/calendar.ics", warnings);
        }
    }

    record SignupBody(String username, String wish, Instant dropByAt) {
    }

    record SignupJson(String id, String username, String status, Integer position) {
    }

    record AttendeeJson(String id, String username, String name, String status, String wish, Instant dropByAt,
            Boolean attended, String recipe, Instant signedUpAt, Instant promotedAt) {
        static AttendeeJson of(SignupRow r) {
            return new AttendeeJson(String.valueOf(r.id()), r.username(), r.name(), r.status().name().toLowerCase(Locale.ROOT),
                    r.wish(), r.dropByAt(), r.attended(), r.recipeSlug(), r.createdAt(), r.promotedAt());
        }
    }

    record MoveBody(LocalDateTime start, LocalDateTime end) {
    }

    record CancelBody(Boolean series) {
    }

    record AttendanceBody(Boolean attended) {
    }

    record RecipeLinkBody(String recipe) {
    }

    record WishJson(String key, String text, int people, String recipe) {
        static WishJson of(Wish w) {
            return new WishJson(w.key(), w.text(), w.people(), w.recipeSlug());
        }
    }

    record WishRecipeBody(String wish) {
    }

    record FeedJson(String url) {
    }

    @GetMapping("/sessions")
    PageResponse<SessionJson> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String host,
            @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        var query = new OfficeHoursService.Query(instant(from, "from"), instant(to, "to"), topic, host, Boolean.TRUE.equals(mine));
        List<SessionJson> items = sessions.list(query, pageable).stream()
                .map(s -> SessionJson.of(s, List.of())).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), sessions.count(query));
    }

    @PostMapping("/sessions")
    ResponseEntity<SessionJson> create(@RequestBody SessionDraft body) {
        OfficeHoursService.Saved saved = sessions.create(body);
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + saved.sessionId()))
                .body(SessionJson.of(sessions.get(saved.sessionId()), warnings(saved)));
    }

    @GetMapping("/sessions/{id}")
    SessionJson get(@PathVariable long id) {
        return SessionJson.of(sessions.get(id), List.of());
    }

    /** {@code scope=following} changes this date and the ones after it; otherwise the whole series. */
    @PutMapping("/sessions/{id}")
    SessionJson update(@PathVariable long id, @RequestParam(required = false) String scope, @RequestBody SessionDraft body) {
        boolean following = "following".equals(scope) || "this-and-following".equals(scope);
        if (scope != null && !following && !"all".equals(scope)) {
            throw UserFacingException.invalidField("scope", "officeHours.scope.unknown", scope);
        }
        OfficeHoursService.Saved saved = sessions.update(id, body, following);
        return SessionJson.of(sessions.get(saved.sessionId()), warnings(saved));
    }

    @PostMapping("/sessions/{id}/move")
    SessionJson move(@PathVariable long id, @RequestBody MoveBody body) {
        OfficeHoursService.Saved saved = sessions.move(id, body.start(), body.end());
        return SessionJson.of(sessions.get(id), warnings(saved));
    }

    @PostMapping("/sessions/{id}/cancel")
    SessionJson cancel(@PathVariable long id, @RequestBody(required = false) CancelBody body) {
        if (body != null && Boolean.TRUE.equals(body.series())) {
            sessions.cancelSeries(id);
        } else {
            sessions.cancel(id);
        }
        return SessionJson.of(sessions.get(id), List.of());
    }

    /** Without {@code username}, the caller joins; with one, a host or admin signs that person up. */
    @PostMapping("/sessions/{id}/signups")
    ResponseEntity<SignupJson> signUp(@PathVariable long id, @RequestBody(required = false) SignupBody body) {
        SignupBody b = body == null ? new SignupBody(null, null, null) : body;
        SignupService.Joined joined = b.username() == null || b.username().isBlank()
                ? signups.join(id, b.wish(), b.dropByAt())
                : signups.signUp(id, b.username(), b.wish());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupJson(String.valueOf(joined.signupId()),
                joined.username(), joined.status().name().toLowerCase(Locale.ROOT),
                joined.position() > 0 ? joined.position() : null));
    }

    @GetMapping("/sessions/{id}/signups")
    PageResponse<AttendeeJson> attendees(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        List<AttendeeJson> items = signups.attendees(id, pageable).stream()
                .map(AttendeeJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), signups.countAttendees(id));
    }

    @DeleteMapping("/sessions/{id}/signups/me")
    ResponseEntity<Void> leave(@PathVariable long id) {
        signups.leave(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions/{id}/signups/{signupId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long signupId) {
        signups.remove(id, signupId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/sessions/{id}/signups/{signupId}/attendance")
    ResponseEntity<Void> attendance(@PathVariable long id, @PathVariable long signupId, @RequestBody AttendanceBody body) {
        signups.markAttended(id, signupId, body.attended());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/sessions/{id}/signups/me/recipe")
    ResponseEntity<Void> linkRecipe(@PathVariable long id, @RequestBody RecipeLinkBody body) {
        signups.linkRecipe(id, body.recipe());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions/{id}/wishes")
    List<WishJson> wishes(@PathVariable long id) {
        return signups.wishes(id).stream().map(WishJson::of).toList();
    }

    record NoteBody(String note) {
    }

    record NoteSentJson(int told) {
    }

    /** A host's note to everyone signed up to this date. */
    @PostMapping("/sessions/{id}/note")
    NoteSentJson note(@PathVariable long id, @RequestBody NoteBody body) {
        return new NoteSentJson(signups.sendNote(id, body.note()));
    }

    @PostMapping("/sessions/{id}/wishes/recipe")
    ResponseEntity<RecipeLinkBody> wishToRecipe(@PathVariable long id, @RequestBody WishRecipeBody body) {
        String slug = signups.wishToRecipe(id, body.wish() == null ? "" : body.wish().strip().toLowerCase(Locale.ROOT));
        return ResponseEntity.created(URI.create("/api/v1/recipes/" + slug)).body(new RecipeLinkBody(slug));
    }

    @GetMapping("/sessions/{id}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable long id) {
        return ics(calendars.session(id), "session-" + id + ".ics");
    }

    @GetMapping("/sessions/{id}/series.ics")
    ResponseEntity<String> seriesCalendar(@PathVariable long id) {
        return ics(calendars.series(id), "series-" + id + ".ics");
    }

    /** A new secret address for the caller's calendar feed; the old one stops working. */
    @PostMapping("/calendar/feed")
    ResponseEntity<FeedJson> resetFeed() {
        return ResponseEntity.status(HttpStatus.CREATED).body(new FeedJson(calendars.resetFeed()));
    }

    /** No sign-in: the secret in the address is the key (calendar programs cannot send tokens). */
    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return calendars.feed(token).map(body -> ics(body, "engawa.ics"))
                .orElseThrow(() -> UserFacingException.notFound("officeHours.feed.unknown"));
    }

    private static ResponseEntity<String> ics(String body, String name) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("Cache-Control", "private, max-age=300").body(body);
    }

    private static List<String> warnings(OfficeHoursService.Saved saved) {
        Locale locale = LocaleContextHolder.getLocale();
        return saved.warnings().stream().map(w -> w.messageIn(locale)).toList();
    }

    /** An instant, or a date meaning its start in UTC. */
    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw UserFacingException.invalidFields(List.of(new FieldProblem(field, "officeHours.instant.format", text)));
        }
    }
}
