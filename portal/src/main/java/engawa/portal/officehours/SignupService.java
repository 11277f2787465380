package engawa.portal.officehours;

import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionKind;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Signups;
import engawa.db.officehours.Wish;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.recipes.RecipeLookup;
import engawa.portal.recipes.RecipeRef;
import engawa.portal.recipes.RecipeDraft;
import engawa.portal.recipes.RecipeService;
import engawa.portal.recipes.SavedRecipe;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining and leaving sessions, and what hosts do with the people who come: see who signed up and
 * what they want to automate, add or remove someone, mark who came, and turn what people asked
 * for into draft recipes. Attendees link the recipe they built afterwards.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SignupService {

    static final int MAX_WISH = 300;

    private final OfficeHours sessions;
    private final Signups signups;
    private final Seats seats;
    private final PeopleDirectory people;
    private final RecipeLookup recipes;
    private final RecipeService recipeService;
    private final SessionEvents events;
    private final Callers callers;
    private final Clock clock;

    SignupService(OfficeHours sessions, Signups signups, Seats seats, PeopleDirectory people, RecipeLookup recipes,
            RecipeService recipeService, SessionEvents events, Callers callers, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.signups = signups;
        this.seats = seats;
        this.people = people;
        this.recipes = recipes;
        this.recipeService = recipeService;
        this.callers = callers;
        this.clock = clock;
    }

    /** Where a sign-up stands after joining. */
    public record Joined(long signupId, String username, SignupStatus status, int position) {
    }

    /** The caller joins: one click, the question optional, a drop-in's time optional. */
    @Transactional
    public Joined join(long sessionId, String wish, Instant dropByAt) {
        Caller caller = callers.current();
        if (caller.userId() == null) {
            throw UserFacingException.invalidField("username", "officeHours.join.whom");
        }
        return joined(seats.take(sessionId, caller.userId(), wish(wish), dropBy(sessionId, dropByAt), null));
    }

    /**
     * An admin signs someone up; the same seats and waitlist rules hold. Hosts do not: a sign-up
     * puts someone's name on a session without their say, so people sign themselves up.
     */
    @Transactional
    public Joined signUp(long sessionId, String username, String wish) {
        Caller caller = callers.current();
        mayManage(caller, sessionId);
        if (!caller.admin()) {
            throw UserFacingException.forbidden("officeHours.signUpOthers.adminsOnly");
        }
        Person person = people.person(username).filter(Person::enabled)
                .orElseThrow(() -> UserFacingException.invalidField("username", "officeHours.hosts.unknown", username));
        return joined(seats.take(sessionId, person.id(), wish(wish), null, caller.userId()));
    }

    private Joined joined(Seats.Result result) {
        return new Joined(result.signup().id(), result.signup().username(), result.signup().status(), result.position());
    }

    /** Whether the caller may sign other people up (admins). */
    @Transactional(readOnly = true)
    public boolean maySignUpOthers() {
        return callers.current().admin();
    }

    /** The caller's own sign-up, cancelled; their seat goes to the first in line. */
    @Transactional
    public void leave(long sessionId) {
        Caller caller = callers.current();
        SignupRow mine = mine(caller, sessionId);
        seats.release(mine, false);
    }

    /** A host removes someone. */
    @Transactional
    public void remove(long sessionId, long signupId) {
        mayManage(callers.current(), sessionId);
        SignupRow signup = signups.find(signupId).filter(s -> s.sessionId() == sessionId && s.status() != SignupStatus.CANCELLED)
                .orElseThrow(() -> UserFacingException.notFound("officeHours.signup.notFound", signupId));
        seats.release(signup, true);
    }

    /** The caller changes what they want to automate, or when they will drop by. */
    @Transactional
    public void changeMine(long sessionId, String wish, Instant dropByAt) {
        Caller caller = callers.current();
        SignupRow mine = mine(caller, sessionId);
        signups.changeWish(mine.id(), wish(wish), dropBy(sessionId, dropByAt));
    }

    /** Who is coming and what they asked, for hosts: confirmed first, then the waitlist, in order. */
    @Transactional(readOnly = true)
    public List<SignupRow> attendees(long sessionId, Pageable pageable) {
        mayManage(callers.current(), sessionId);
        return signups.ofSession(sessionId, (int) pageable.getOffset(), pageable.getPageSize());
    }

    @Transactional(readOnly = true)
    public long countAttendees(long sessionId) {
        mayManage(callers.current(), sessionId);
        return signups.countOfSession(sessionId);
    }

    /** After the session has begun, hosts say who came (null: not said). */
    @Transactional
    public void markAttended(long sessionId, long signupId, Boolean attended) {
        SessionRow session = mayManage(callers.current(), sessionId);
        if (session.startsAt().isAfter(clock.instant())) {
            throw UserFacingException.invalid("officeHours.attendance.notYet");
        }
        SignupRow signup = signups.find(signupId).filter(s -> s.sessionId() == sessionId && s.status() == SignupStatus.CONFIRMED)
                .orElseThrow(() -> UserFacingException.notFound("officeHours.signup.notFound", signupId));
        signups.markAttended(signup.id(), attended);
    }

    /** After a session, an attendee links the recipe they built or ran: "automations started here". */
    @Transactional
    public void linkRecipe(long sessionId, String slug) {
        Caller caller = callers.current();
        SignupRow mine = mine(caller, sessionId);
        if (slug == null || slug.isBlank()) {
            signups.linkRecipe(mine.id(), null);
            return;
        }
        // the recipes feature decides who sees a draft: its owners (team or person) and admins
        RecipeRef recipe = recipes.findVisible(caller, slug)
                .orElseThrow(() -> UserFacingException.invalidField("recipe", "officeHours.recipes.unknown", slug));
        signups.linkRecipe(mine.id(), recipe.id());
    }

    /** The caller's sign-ups from now on, soonest first. */
    @Transactional(readOnly = true)
    public List<SignupRow> mine(Pageable pageable) {
        Caller caller = callers.current();
        return caller.userId() == null ? List.of()
                : signups.ofPerson(caller.userId(), clock.instant(), (int) pageable.getOffset(), pageable.getPageSize());
    }

    /** What people in a series want to automate, most wanted first, for its hosts. */
    @Transactional(readOnly = true)
    public List<Wish> wishes(long sessionId) {
        SessionRow session = mayManage(callers.current(), sessionId);
        return signups.wishes(session.seriesId(), 50);
    }

    /** What others wrote before, so the next person can pick one. */
    @Transactional(readOnly = true)
    public List<String> commonWishes() {
        return signups.commonWishes(30);
    }

    /** Recipes that came out of office hours, most people first: the open door's measure of success. */
    @Transactional(readOnly = true)
    public List<Signups.Started> automationsStarted() {
        return signups.automationsStarted(8);
    }

    @Transactional(readOnly = true)
    public long countAutomationsStarted() {
        return signups.countAutomationsStarted();
    }

    /** A wish becomes a draft recipe owned by the host, linked to the series; the same wish twice gives the same draft. */
    @Transactional
    public String wishToRecipe(long sessionId, String wishKey) {
        Caller caller = callers.current();
        SessionRow session = mayManage(caller, sessionId);
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        Wish wish = signups.wishes(series.id(), 500).stream().filter(w -> w.key().equals(wishKey)).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("officeHours.wish.notFound", wishKey));
        if (wish.recipeSlug() != null) {
            return wish.recipeSlug();
        }
        String owner = caller.userId() == null ? null : "user:" + caller.username();
        String title = wish.text().length() > 120 ? wish.text().substring(0, 117) + "..." : wish.text();
        String summary = "Asked for by " + wish.people() + (wish.people() == 1 ? " person" : " people") + " at office hours: "
                + series.values().titleEn() + ".";
        SavedRecipe saved = recipeService.create(new RecipeDraft(recipes.freeSlug(wish.text(), "office-hours-wish"), owner, "other", List.of("office-hours"),
                title, null, summary.length() > 300 ? summary.substring(0, 300) : summary, null,
                "Write the steps here once you have built the workflow together.", null, List.of(), 15, false, 15, false, 7,
                null, false));
        long recipeId = recipes.find(saved.recipe().slug()).orElseThrow().id();
        signups.linkWish(series.id(), wishKey, recipeId, caller.userId(), clock.instant());
        events.wishTurnedIntoRecipe(session, series, wish.text(), saved.recipe().slug(), title,
                caller.userId() == null ? 0 : caller.userId(), signups.wisherIds(series.id(), wishKey));
        return saved.recipe().slug();
    }

    /** Longest note a host sends to everyone coming: a few sentences, not a newsletter. */
    public static final int NOTE_MAX_LENGTH = 1000;

    /**
     * A host's note to everyone signed up to a date ("bring your laptop"), which they hear about as
     * they chose to hear about their sessions.
     *
     * @return how many people it goes to
     */
    @Transactional
    public int sendNote(long sessionId, String note) {
        Caller caller = callers.current();
        SessionRow session = mayManage(caller, sessionId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw UserFacingException.invalidField("note", "officeHours.note.required");
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw UserFacingException.invalidField("note", "officeHours.note.tooLong", NOTE_MAX_LENGTH);
        }
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        List<Long> coming = signups.activeUserIds(sessionId);
        events.note(session, series, text, caller.userId() == null ? 0 : caller.userId(), coming);
        return coming.size();
    }

    /** The caller's own live sign-up, or a refusal that says they have none. */
    private SignupRow mine(Caller caller, long sessionId) {
        return (caller.userId() == null ? java.util.Optional.<SignupRow>empty() : signups.active(sessionId, caller.userId()))
                .orElseThrow(() -> UserFacingException.notFound("officeHours.leave.none"));
    }

    private SessionRow mayManage(Caller caller, long sessionId) {
        SessionRow session = sessions.findSession(sessionId).orElseThrow(() -> OfficeHoursService.notFound(sessionId));
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        if (!OfficeHoursService.mayManage(caller, series)) {
            throw UserFacingException.forbidden("officeHours.notHost");
        }
        return session;
    }

    private static String wish(String wish) {
        String text = wish == null ? "" : wish.strip();
        if (text.length() > MAX_WISH) {
            throw UserFacingException.invalidField("wish", "officeHours.tooLong", MAX_WISH);
        }
        return text.isEmpty() ? null : text;
    }

    /** A drop-in's "around 10:30" must fall within the session. */
    private Instant dropBy(long sessionId, Instant at) {
        if (at == null) {
            return null;
        }
        SessionRow session = sessions.findSession(sessionId).orElseThrow(() -> OfficeHoursService.notFound(sessionId));
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        if (series.values().kind() != SessionKind.DROP_IN) {
            throw UserFacingException.invalidField("dropByAt", "officeHours.dropBy.seated");
        }
        if (at.isBefore(session.startsAt()) || !at.isBefore(session.endsAt())) {
            throw UserFacingException.invalidField("dropByAt", "officeHours.dropBy.outside");
        }
        return at;
    }
}
